namespace Transfer.Contracts.Curves;

/// <summary>Whether a running trial should stop now, why, and the judgement the decision rests on.</summary>
public sealed record EarlyStopDecision(bool Stop, string Reason, CurveJudgement Judgement);
