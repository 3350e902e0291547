using System.Globalization;
using System.Text.RegularExpressions;
using Transfer.Contracts.Training;

namespace Transfer.Training.External;

/// <summary>Turns log lines into curve points with <see cref="LogPatterns"/> (the seed's getLossValueFromLog).</summary>
public sealed class LogCurveParser(LogPatterns patterns)
{
    private readonly Regex _loss = new(patterns.Loss, RegexOptions.CultureInvariant);
    private readonly Regex _step = new(patterns.Step, RegexOptions.CultureInvariant);
    private readonly Regex _validationLoss = new(patterns.ValidationLoss, RegexOptions.CultureInvariant);
    private readonly Regex _accuracy = new(patterns.Accuracy, RegexOptions.CultureInvariant);
    private int _points;

    /// <summary>The curve point in <paramref name="line"/>, or null when it has neither a loss nor a metric.</summary>
    public TrainingReport? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var loss = Number(_loss, line);
        var validationLoss = Number(_validationLoss, line);
        var accuracy = Number(_accuracy, line);
        if (loss is null && validationLoss is null && accuracy is null)
        {
            return null;
        }

        _points++;
        var step = Number(_step, line) is { } s ? (int)s : _points;
        var validation = validationLoss is not null || accuracy is not null
            ? new ValidationMetrics(validationLoss ?? double.NaN, accuracy ?? double.NaN, [], 0)
            : null;
        return new TrainingReport(ReportKind.Progress, step, double.NaN, double.NaN, loss, validation);
    }

    private static double? Number(Regex pattern, string line)
    {
        var m = pattern.Match(line);
        if (!m.Success)
        {
            return null;
        }

        var text = m.Groups["value"].Value.ToUpperInvariant();
        return text switch
        {
            "NAN" or "+NAN" or "-NAN" => double.NaN,
            "INF" or "+INF" or "INFINITY" or "+INFINITY" => double.PositiveInfinity,
            "-INF" or "-INFINITY" => double.NegativeInfinity,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }
}
