using System.Globalization;
using System.Text.RegularExpressions;
using Transfer.Contracts.Jobs;

namespace Transfer.Client.Jobs;

/// <summary>
/// A job budget written as text, as <c>transfer train --budget</c> takes it: terms joined by commas, each a number and a
/// unit. <c>20</c> (or <c>20 trials</c>) is a trial count; <c>90s</c>, <c>30m</c>, <c>2h</c> are wall time;
/// <c>0.5dh</c> (or <c>0.5 device-hours</c>) is device time. <c>20,1h</c> stops new trials at whichever comes first.
/// </summary>
public static partial class BudgetText
{
    private const string Help = "use a trial count (20), wall time (90s, 30m, 2h) or device-hours (0.5dh), joined by commas: e.g. 20,1h";

    /// <summary>The budget <paramref name="text"/> says.</summary>
    /// <exception cref="FormatException">A term that is not a number and a known unit, or a kind given twice.</exception>
    public static JobBudget Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int? trials = null;
        double? seconds = null, deviceHours = null;
        foreach (var term in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var match = Term().Match(term);
            if (!match.Success || !double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !(n > 0))
            {
                throw new FormatException($"'{term}' is not a budget: {Help}.");
            }

            switch (match.Groups["unit"].Value.ToLowerInvariant())
            {
                case "" or "t" or "trial" or "trials" when n == Math.Floor(n) && n <= int.MaxValue:
                    trials = Once(trials, (int)n, "a trial count");
                    break;
                case "s" or "sec" or "secs" or "second" or "seconds":
                    seconds = Once(seconds, n, "a wall time");
                    break;
                case "m" or "min" or "mins" or "minute" or "minutes":
                    seconds = Once(seconds, n * 60, "a wall time");
                    break;
                case "h" or "hr" or "hrs" or "hour" or "hours":
                    seconds = Once(seconds, n * 3600, "a wall time");
                    break;
                case "dh" or "device-h" or "device-hour" or "device-hours":
                    deviceHours = Once(deviceHours, n, "device-hours");
                    break;
                default:
                    throw new FormatException($"'{term}' is not a budget: {Help}.");
            }
        }

        return new JobBudget(trials, seconds, deviceHours);

        T? Once<T>(T? known, T value, string what)
            where T : struct =>
            known is null ? value : throw new FormatException($"'{text}' gives {what} twice: {Help}.");
    }

    /// <summary>The budget as a person reads it: <c>20 trials, 1h wall time, 0.5 device-hours</c>.</summary>
    public static string Format(JobBudget? budget)
    {
        if (budget is null || budget.IsEmpty)
        {
            return "-";
        }

        var parts = new List<string>();
        if (budget.Trials is { } trials)
        {
            parts.Add($"{trials} trial{(trials == 1 ? "" : "s")}");
        }

        if (budget.WallTimeSeconds is { } seconds)
        {
            parts.Add($"{Duration(seconds)} wall time");
        }

        if (budget.DeviceHours is { } hours)
        {
            parts.Add($"{hours.ToString("0.###", CultureInfo.InvariantCulture)} device-hours");
        }

        return string.Join(", ", parts);
    }

    /// <summary>A length of time as <c>90s</c>, <c>30m</c>, <c>1h30m</c>.</summary>
    public static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Round(seconds));
        return span.TotalHours >= 1
            ? $"{(int)span.TotalHours}h{(span.Minutes > 0 ? $"{span.Minutes}m" : "")}"
            : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{(span.Seconds > 0 ? $"{span.Seconds}s" : "")}" : $"{span.Seconds}s";
    }

    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)\s*(?<unit>[A-Za-z-]*)$")]
    private static partial Regex Term();
}
