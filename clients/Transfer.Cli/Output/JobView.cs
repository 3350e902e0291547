using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using Transfer.Client.Jobs;
using Transfer.Contracts.Curves;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Search;

namespace Transfer.Cli.Output;

/// <summary>Jobs and trials as tables: job lists, one job's details, its trials, the live board and the final result.</summary>
public static class JobView
{
    public static Table List(IEnumerable<JobInfo> jobs)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Id", "Dataset", "Status", "Trials", "Best", "Baseline", "Test", "Created");
        foreach (var j in jobs)
        {
            table.AddRow(
                new Text(j.Id),
                new Text(j.DatasetId),
                new Text(j.Status.ToString()),
                new Text($"{j.TrialsFinished}/{j.TrialsStarted}"),
                new Text(Number(j.BestScore)),
                new Text(Number(j.BaselineScore)),
                new Text(Number(j.TestScore)),
                new Text(j.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
        }

        return table;
    }

    public static IRenderable Details(JobInfo j)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        Row(grid, "Id", j.Id);
        Row(grid, "Dataset", j.DatasetId);
        Row(grid, "Status", j.Status.ToString());
        Row(grid, "Base model", BaseModel(j.BenchmarkModelId, j.Group));
        Row(grid, "Objective", Objective(j.Request));
        Row(grid, "Trials", $"{j.TrialsFinished} done of {j.TrialsStarted} started");
        Row(grid, "Budget", BudgetUse(j));
        Row(grid, "Best", j.BestTrial is { } b ? $"trial {b}: {Number(j.BestScore)}" : "-");
        Row(grid, "Baseline", Number(j.BaselineScore));
        ModelRows(grid, j);
        Row(grid, "Steps saved", j.StepsSavedShare.ToString("P0", CultureInfo.InvariantCulture));
        Row(grid, "Model", j.ModelId ?? "-");
        Row(grid, "Message", j.Message ?? "");
        return grid;
    }

    /// <summary>The budget and how much of it is spent: <c>20 trials, 1h wall time, 0.5 device-hours; 0.12 device-hours used; no new trial after 14:05:00 UTC</c>.</summary>
    public static string BudgetUse(JobInfo j)
    {
        ArgumentNullException.ThrowIfNull(j);
        var text = BudgetText.Format(j.Request.Budget);
        if (j.Request.Budget?.DeviceHours is not null || j.DeviceHoursUsed > 0)
        {
            text += $"; {j.DeviceHoursUsed.ToString("0.###", CultureInfo.InvariantCulture)} device-hours used";
        }

        return j.Deadline is { } deadline && j.Status == JobStatus.Running
            ? text + $"; no new trial after {deadline.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC"
            : text;
    }

    public static Table Trials(IEnumerable<TrialInfo> trials)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("#", "Status", "Score", "Test", "Epoch", "Light", "Model", "Configuration", "Stop reason");
        foreach (var t in trials)
        {
            var configuration = Configuration(t.Configuration);
            table.AddRow(
                new Text(t.Number.ToString(CultureInfo.InvariantCulture) + (t.IsBaseline ? " (baseline)" : t.IsScratch ? " (scratch)" : t.IsWarmStart ? " (kb)" : "")),
                new Text(t.Status.ToString()),
                new Text(Number(t.Score) + (t.ScoreStd is { } std ? $" ± {Number(std)}" : "")),
                new Text(Number(t.TestScore)),
                new Text(t.Curve.Count == 0 ? "-" : t.Curve[^1].Epoch.ToString("0.##", CultureInfo.InvariantCulture)),
                Light(t.Judgement?.Light),
                new Text(Model(t)),
                new Text(configuration),
                new Text(t.StopReason ?? ""));
        }

        return table;
    }

    /// <summary>What a job's trials start from: its group's benchmark model, fine-tuned, or nothing.</summary>
    public static string BaseModel(string? benchmarkModelId, string? group) =>
        benchmarkModelId is not null
            ? $"{benchmarkModelId}, fine-tuned" + (group is null ? "" : $" (the benchmark model of the dataset's group {group})")
            : "none, trained from scratch" + (group is null ? "" : $" (the dataset's group {group} has no benchmark model for it)");

    /// <summary>The metric and its direction: <c>accuracy (max)</c>.</summary>
    public static string Objective(CreateJobRequest request) =>
        $"{request.Objective?.Metric ?? JobObjective.Accuracy} ({((request.Objective?.Maximizes ?? true) ? "max" : "min")})";

    /// <summary>A configuration as <c>name=value</c> pairs in name order.</summary>
    public static string Configuration(IReadOnlyDictionary<string, ParameterValue> configuration) =>
        string.Join(", ", configuration.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>What a finished trial's model is: how many models it averages (fold models under k-fold) and the examples they trained on.</summary>
    public static string Model(TrialInfo trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        if (trial.ModelMembers is not { } members)
        {
            return "-";
        }

        var models = members == 1 ? "1 model" : $"{members} models";
        return trial.ModelTrainExamples is { } examples ? $"{models}, {examples} examples" : models;
    }

    /// <summary>The live board: a row per trial, then the best so far and the budget spent.</summary>
    public static IRenderable Board(JobBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("#", "Status", "Score", "Epoch", "Light", "Advice")
            .Title(Markup.Escape($"{board.Job.Id} on {board.Job.DatasetId}"));
        foreach (var t in board.Trials)
        {
            var status = t.Stopping && t.Status == TrialStatus.Running ? "Stopping" : t.Status.ToString();
            table.AddRow(
                new Text(t.Number.ToString(CultureInfo.InvariantCulture) + (t.Number == board.BestTrial ? " *" : "")),
                new Text(status),
                new Text(Number(t.Score)),
                new Text(t.Epoch.ToString("0.##", CultureInfo.InvariantCulture)),
                Light(t.Light),
                new Text(t.Advice ?? t.Note ?? ""));
        }

        var budget = (board.Budget is { } b ? $"{board.TrialsDone}/{b} trials" : $"{board.TrialsDone} trials")
            + (board.Job.Deadline is { } deadline && !board.Finished ? $", {BudgetText.Duration(Math.Max(0, (deadline - board.Clock.GetUtcNow()).TotalSeconds))} of wall time left" : "")
            + (board.Job.Request.Budget?.DeviceHours is { } device ? $", budget {device.ToString("0.###", CultureInfo.InvariantCulture)} device-hours" : "");
        var best = board.BestTrial is { } n ? $"best so far: trial {n} at {Number(board.BestScore)}" : "no score yet";
        table.Caption(Markup.Escape($"{budget} done; {best}" + (board.Finished ? $"; {board.Message}" : "")));
        return table;
    }

    /// <summary>The final result: the winner against the default configuration (fine-tuned, and from scratch when it ran), mean ± spread.</summary>
    public static IRenderable Summary(JobInfo j)
    {
        ArgumentNullException.ThrowIfNull(j);
        var report = j.Report;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        Row(grid, "Job", $"{j.Id}: {j.Status}");
        Row(grid, "Base model", BaseModel(j.BenchmarkModelId, j.Group));
        if (report is { Folds: > 1 } r)
        {
            Row(grid, "Scoring", $"{r.Folds}-fold cross-validation (mean ± std over folds); the test split is held out");
        }

        Row(grid, "Winner", j.BestTrial is { } b ? $"trial {b}, validation {Scores(report?.Best, j.BestScore)}" : "none");
        var gain = j.BestScore - j.BaselineScore;
        var baseline = report?.Baseline is { } bl ? $" (trial {bl.Trial})" : "";
        Row(grid, "Baseline", $"default configuration{baseline}, validation {Scores(report?.Baseline, j.BaselineScore)}" + (gain is { } g ? $" ({g:+0.####;-0.####;0} for the winner)" : ""));
        if (report?.Scratch is { } scratch)
        {
            var over = j.BestScore - scratch.Score;
            Row(grid, "Scratch", $"default configuration from scratch (trial {scratch.Trial}), validation {Scores(scratch, scratch.Score)}" + (over is { } o ? $" ({o:+0.####;-0.####;0} for the winner)" : ""));
        }

        ModelRows(grid, j);
        Row(grid, "Model", j.ModelId ?? "-");
        return grid;
    }

    /// <summary>The registered model's test score, and the ensemble of trials it is when it is one.</summary>
    private static void ModelRows(Grid grid, JobInfo j)
    {
        var ensemble = j.Report?.Ensemble is { Members.Count: > 1 } e ? e : null;
        if (ensemble is not null)
        {
            var members = string.Join(", ", ensemble.Members.Select(m => $"{m.Trial} ({m.Weight.ToString("0.##", CultureInfo.InvariantCulture)})"));
            Row(grid, "Ensemble", $"trials {members} of {ensemble.Candidates} completed; validation {Number(ensemble.Score)} (what it was chosen on), test {Number(ensemble.TestScore)}");
        }

        Row(grid, "Test score", Number(j.TestScore) + (ensemble is not null ? " (the ensemble, the registered model)" : ""));
    }

    /// <summary>A validation score as mean ± std (when scored by k-fold) and the test score when known.</summary>
    public static string Scores(TrialSummary? trial, double? fallback)
    {
        var score = Number(trial?.Score ?? fallback);
        var spread = trial?.ScoreStd is { } std ? $" ± {Number(std)}" : "";
        var test = trial?.TestScore is { } t ? $", test {Number(t)}" : "";
        return score + spread + test;
    }

    public static string Number(double? value) => value?.ToString("0.0###", CultureInfo.InvariantCulture) ?? "-"; // 1.0, not a bare 1, for a perfect score

    private static Text Light(TrafficLight? light) => light switch
    {
        TrafficLight.Green => new Text("green", new Style(Color.Green)),
        TrafficLight.Yellow => new Text("yellow", new Style(Color.Yellow)),
        TrafficLight.Red => new Text("red", new Style(Color.Red)),
        _ => new Text("-"),
    };

    internal static void Row(Grid grid, string name, string value) => grid.AddRow(new Text(name, new Style(decoration: Decoration.Bold)), new Text(value));
}
