using Spectre.Console;
using Transfer.Client.Jobs;
using Transfer.Contracts.Jobs;

namespace Transfer.Cli.Settings;

/// <summary><c>--trials</c> and <c>--budget</c> together, as <c>train</c> and <c>jobs extend</c> take them.</summary>
internal static class BudgetOptions
{
    /// <summary>The budget the two make: <c>--budget</c>'s limits, the trial count from either (valid once <see cref="Check"/> passed).</summary>
    public static JobBudget Combine(int? trials, string? budget)
    {
        var parsed = budget is null ? new JobBudget() : BudgetText.Parse(budget);
        return parsed with { Trials = trials ?? parsed.Trials };
    }

    /// <summary>Null when <c>--budget</c> reads and the trial count is given at most once; else what is wrong.</summary>
    public static ValidationResult? Check(int? trials, string? budget)
    {
        if (budget is null)
        {
            return null;
        }

        try
        {
            return BudgetText.Parse(budget).Trials is not null && trials is not null
                ? ValidationResult.Error("Give the trial count once: in --trials or in --budget.")
                : null;
        }
        catch (FormatException ex)
        {
            return ValidationResult.Error($"--budget: {ex.Message}");
        }
    }
}
