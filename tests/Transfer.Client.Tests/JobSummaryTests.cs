using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Contracts.Jobs;

namespace Transfer.Client.Tests;

public sealed class JobSummaryTests
{
    [Fact]
    public void TheSummaryComparesTheWinnerWithTheDefaultAndTheScratchRunAsMeanAndSpread()
    {
        var report = new JobReport(5, new TrialSummary(4, 0.93, 0.012, 0.95), new TrialSummary(0, 0.9, 0.02, 0.91), new TrialSummary(1, 0.8, 0.031, 0.82));
        var job = JobEvents.Job(JobStatus.Completed, 8, 8) with { BestTrial = 4, BestScore = 0.93, BaselineScore = 0.9, TestScore = 0.95, Report = report };

        var text = Render(job);

        Assert.Contains("5-fold cross-validation", text, StringComparison.Ordinal);
        Assert.Contains("trial 4, validation 0.93 ± 0.012, test 0.95", text, StringComparison.Ordinal);
        Assert.Contains("default configuration (trial 0), validation 0.9 ± 0.02, test 0.91 (+0.03 for the winner)", text, StringComparison.Ordinal);
        Assert.Contains("from scratch (trial 1), validation 0.8 ± 0.031, test 0.82 (+0.13 for the winner)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheBudgetRowSaysWhatIsSpentAndWhenNewTrialsStop()
    {
        var job = JobEvents.Job(JobStatus.Running, 2, 1) with { DeviceHoursUsed = 0.1234, Deadline = new DateTimeOffset(2026, 11, 28, 13, 30, 0, TimeSpan.Zero) };
        job = job with { Request = job.Request with { Budget = new JobBudget(20, 5400, 0.5) } };

        Assert.Equal("20 trials, 1h30m wall time, 0.5 device-hours; 0.123 device-hours used; no new trial after 13:30:00 UTC", JobView.BudgetUse(job));
        Assert.Equal("3 trials", JobView.BudgetUse(JobEvents.Job(JobStatus.Completed, 3, 3)));
    }

    [Fact]
    public void AHoldoutJobWithoutAScratchRunShowsNoSpreadAndNoScratchRow()
    {
        var report = new JobReport(1, new TrialSummary(2, 0.9, null, 0.88), new TrialSummary(0, 0.85, null, 0.84), null);
        var job = JobEvents.Job(JobStatus.Completed, 3, 3) with { BestTrial = 2, BestScore = 0.9, BaselineScore = 0.85, TestScore = 0.88, Report = report };

        var text = Render(job);

        Assert.Contains("trial 2, validation 0.9, test 0.88", text, StringComparison.Ordinal);
        Assert.DoesNotContain("±", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Scratch", text, StringComparison.Ordinal);
        Assert.DoesNotContain("fold", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEnsembleOfTrialsIsShownWithItsWeightsAndItsTestScoreIsTheModels()
    {
        var ensemble = new JobEnsemble([new EnsembleMember(4, 0.6), new EnsembleMember(2, 0.4)], 0.95, 0.96, 6);
        var report = new JobReport(5, new TrialSummary(4, 0.93, 0.012, 0.95), new TrialSummary(0, 0.9, 0.02, 0.91), null, ensemble);
        var job = JobEvents.Job(JobStatus.Completed, 8, 8) with { BestTrial = 4, BestScore = 0.93, BaselineScore = 0.9, TestScore = 0.96, Report = report };

        var text = Render(job);

        Assert.Contains("trials 4 (0.6), 2 (0.4) of 6 completed; validation 0.95 (what it was chosen on), test 0.96", text, StringComparison.Ordinal);
        Assert.Contains("0.96 (the ensemble, the registered model)", text, StringComparison.Ordinal);
        var single = Render(job with { Report = report with { Ensemble = ensemble with { Members = [new EnsembleMember(4, 1)] } } });
        Assert.DoesNotContain("Ensemble", single, StringComparison.Ordinal);
    }

    private static string Render(JobInfo job)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 300;
        console.Write(JobView.Summary(job));
        return output.ToString();
    }
}
