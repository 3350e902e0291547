namespace Transfer.Contracts.Training;

/// <summary>
/// Regular expressions that pull the curve out of an external trainer's log lines (the seed's
/// <c>getLossValueFromLog</c>). Each needs a named group <c>value</c>. A line may match several; a line with a train
/// loss or a validation metric becomes one curve point, at the step the <see cref="Step"/> pattern found (or the
/// count of such lines).
/// </summary>
public sealed record LogPatterns(
    string Loss = @"(?i)(?<![\w])(?:train[_ ])?loss\s*[=:]\s*(?<value>[-+]?(?:\d+\.?\d*(?:e[-+]?\d+)?|nan|inf(?:inity)?))",
    string Step = @"(?i)\b(?:iter(?:ation)?|step)\s*[=:]?\s*(?<value>\d+)",
    string ValidationLoss = @"(?i)\bval(?:idation)?[_ ]loss\s*[=:]\s*(?<value>[-+]?(?:\d+\.?\d*(?:e[-+]?\d+)?|nan|inf(?:inity)?))",
    string Accuracy = @"(?i)\bval(?:idation)?[_ ]acc(?:uracy)?\s*[=:]\s*(?<value>\d+\.?\d*(?:e[-+]?\d+)?)");
