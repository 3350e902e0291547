namespace Transfer.Contracts.Curves;

/// <summary>
/// Advice a person can act on: its kind, a sentence, and optionally a concrete change in the search space's
/// vocabulary (for example <c>base_lr *= 0.1</c> or <c>weight_decay *= 10</c>).
/// </summary>
public sealed record CurveAdvice(AdviceKind Kind, string Text, string? Action = null);
