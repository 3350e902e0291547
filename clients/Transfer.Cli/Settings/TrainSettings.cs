using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Transfer.Contracts.Jobs;

namespace Transfer.Cli.Settings;

/// <summary><c>transfer train &lt;file|folder&gt;</c>: upload, start a job, follow it live, show the winner.</summary>
public sealed class TrainSettings : TransferSettings
{
    private static readonly string[] Samplers = ["random", "grid", "lhs", "tpe", "tpe-multivariate", "gp", "rl"];
    private static readonly string[] Schedulers = ["fifo", "median", "asha", "hyperband"];

    [CommandArgument(0, "<path>")]
    [Description("A .csv file, an image .zip, or a folder with one *-idx3-ubyte* and one *-idx1-ubyte* file.")]
    public string Path { get; init; } = "";

    [CommandOption("--trials <N>")]
    [Description("Trials to run, the baseline included (default: 10, unless --budget limits time instead).")]
    public int? Trials { get; init; }

    [CommandOption("--budget <BUDGET>")]
    [Description("When to stop starting trials, whichever comes first: a trial count (20), wall time (90s, 30m, 2h) and/or device-hours (0.5dh), joined by commas, e.g. 20,1h.")]
    public string? Budget { get; init; }

    /// <summary>The budget of <see cref="Trials"/> and <see cref="Budget"/> together (valid once <see cref="Validate"/> passed).</summary>
    public JobBudget JobBudget => BudgetOptions.Combine(Trials, Budget);

    [CommandOption("--epochs <N>")]
    [Description("The longest a trial trains, in epochs.")]
    [DefaultValue(4)]
    public int Epochs { get; init; } = 4;

    [CommandOption("--metric <NAME>")]
    [Description("The validation metric to optimise: accuracy (maximised; the default) or loss (minimised).")]
    public string? Metric { get; init; }

    [CommandOption("--sampler <NAME>")]
    [Description("random, grid, lhs, tpe, tpe-multivariate, gp or rl (default: TPE warm-started from the knowledge base).")]
    public string? Sampler { get; init; }

    [CommandOption("--scheduler <NAME>")]
    [Description("fifo, median, asha or hyperband (default: ASHA).")]
    public string? Scheduler { get; init; }

    [CommandOption("--parallel <N>")]
    [Description("Trials at once.")]
    [DefaultValue(1)]
    public int Parallel { get; init; } = 1;

    [CommandOption("--seed <N>")]
    [Description("Seeds the sampler, the splits and every trial.")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    [CommandOption("--space <FILE>")]
    [Description("A search space as JSON (SearchSpaceDefinition); default: the joint space around the benchmark model.")]
    public string? Space { get; init; }

    [CommandOption("--validation <MODE>")]
    [Description("auto (k-fold below 2,000 non-test examples), holdout or kfold (default: auto).")]
    public string? Validation { get; init; }

    [CommandOption("--folds <K>")]
    [Description("Folds for k-fold scoring (2-10).")]
    [DefaultValue(5)]
    public int Folds { get; init; } = 5;

    [CommandOption("--fold-model <KIND>")]
    [Description("k-fold: a trial's model is its fold models averaged (ensemble, the default), one more trained on all the non-test data (refit), or its best fold's (best-fold).")]
    public string? FoldModel { get; init; }

    [CommandOption("--ensemble-size <N>")]
    [Description("Rounds of greedy ensemble selection over the finished trials (in each of 100 bootstrap resamples of their held-out predictions, fewer on large data), as auto-sklearn: the model averages the picked trials' models (0: the best trial's model alone).")]
    [DefaultValue(20)]
    public int EnsembleSize { get; init; } = 20;

    [CommandOption("--scratch")]
    [Description("Also train the default configuration from scratch, as a reference (default: when there is a benchmark model and 8+ trials).")]
    public bool? Scratch { get; init; }

    [CommandOption("--name <NAME>")]
    [Description("Dataset name (default: the file or folder name).")]
    public string? Name { get; init; }

    [CommandOption("--label <COLUMN>")]
    [Description("CSV only: the label column (default: label).")]
    public string? Label { get; init; }

    public override ValidationResult Validate()
    {
        if (BudgetOptions.Check(Trials, Budget) is { } bad)
        {
            return bad;
        }

        if (Trials is < 1 or > 10_000 || Epochs is < 1 or > 1000 || Parallel is < 1 or > 64 || EnsembleSize is < 0 or > 100)
        {
            return ValidationResult.Error("--trials (1-10000), --epochs (1-1000), --parallel (1-64) or --ensemble-size (0-100) is out of range.");
        }

        if (Validation is not (null or "auto" or "holdout" or "kfold") || Folds is < 2 or > 10 || FoldModel is not (null or "ensemble" or "refit" or "best-fold"))
        {
            return ValidationResult.Error("--validation must be auto, holdout or kfold, --folds between 2 and 10, and --fold-model ensemble, refit or best-fold.");
        }

        if (Metric is not (null or JobObjective.Accuracy or JobObjective.Loss))
        {
            return ValidationResult.Error($"Unknown metric '{Metric}': use accuracy (maximised) or loss (minimised).");
        }

        if (Sampler is not null && !Samplers.Contains(Sampler))
        {
            return ValidationResult.Error($"Unknown sampler '{Sampler}': use {string.Join(", ", Samplers)}.");
        }

        return Scheduler is not null && !Schedulers.Contains(Scheduler)
            ? ValidationResult.Error($"Unknown scheduler '{Scheduler}': use {string.Join(", ", Schedulers)}.")
            : ValidationResult.Success();
    }
}
