using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Transfer.Contracts.Jobs;

namespace Transfer.Cli.Settings;

/// <summary>The <c>transfer jobs</c> group; each command's own settings are nested here.</summary>
public class JobsSettings : TransferSettings
{
    /// <summary><c>jobs list [--page-size]</c>.</summary>
    public sealed class Listing : JobsSettings
    {
        [CommandOption("--page-size <N>")]
        [Description("Jobs fetched per request.")]
        [DefaultValue(50)]
        public int PageSize { get; init; } = 50;

        public override ValidationResult Validate() =>
            PageSize is >= 1 and <= 1000 ? ValidationResult.Success() : ValidationResult.Error("--page-size must be between 1 and 1000.");
    }

    /// <summary>Commands on one job: <c>show</c>, <c>stop</c>, <c>trials</c>, <c>rerun</c>, <c>delete</c>.</summary>
    public class ById : JobsSettings
    {
        [CommandArgument(0, "<job>")]
        [Description("Job id.")]
        public string Id { get; init; } = "";
    }

    /// <summary><c>jobs extend &lt;job&gt; [--trials N] [--budget 20,1h,0.5dh]</c>.</summary>
    public sealed class Extend : ById
    {
        [CommandOption("--trials <N>")]
        [Description("Trials to add.")]
        public int? Trials { get; init; }

        [CommandOption("--budget <BUDGET>")]
        [Description("More budget from now, as for train: trials, wall time (30s, 10m, 1h) and/or device-hours (0.5dh), comma-separated; whichever is spent first stops new trials. Limits left out are lifted.")]
        public string? Budget { get; init; }

        /// <summary>The extension <c>--trials</c> and <c>--budget</c> make together.</summary>
        public ExtendJobRequest Extension
        {
            get
            {
                var budget = BudgetOptions.Combine(Trials, Budget);
                return new ExtendJobRequest(budget.Trials, budget.WallTimeSeconds, budget.DeviceHours);
            }
        }

        public override ValidationResult Validate()
        {
            if (Trials is null && Budget is null)
            {
                return ValidationResult.Error("Say how much more: --trials N and/or --budget (e.g. 10,30m,0.5dh).");
            }

            return BudgetOptions.Check(Trials, Budget) is { } bad ? bad
                : Trials is null or (>= 1 and <= 1000) ? ValidationResult.Success() : ValidationResult.Error("--trials must be between 1 and 1000.");
        }
    }

    /// <summary><c>jobs plan &lt;dataset&gt; [--epochs] [--space] [--save-space]</c>: what a job would do, without starting it.</summary>
    public sealed class Plan : JobsSettings
    {
        [CommandArgument(0, "<dataset>")]
        [Description("Dataset id (transfer datasets list).")]
        public string DatasetId { get; init; } = "";

        [CommandOption("--epochs <N>")]
        [Description("The most epochs a trial trains, as for train.")]
        [DefaultValue(4)]
        public int Epochs { get; init; } = 4;

        [CommandOption("--space <FILE>")]
        [Description("Check this search space (JSON) instead of showing the default one.")]
        public string? Space { get; init; }

        [CommandOption("--save-space <FILE>")]
        [Description("Write the search space as JSON, to edit and pass to train --space.")]
        public string? SaveSpace { get; init; }

        public override ValidationResult Validate() =>
            Epochs is >= 1 and <= 1000 ? ValidationResult.Success() : ValidationResult.Error("--epochs must be between 1 and 1000.");
    }

    /// <summary><c>watch &lt;job&gt;</c>: the live table (or JSON lines of events with <c>--json</c>).</summary>
    public sealed class Watch : ById
    {
    }
}
