using Transfer.Contracts.Curves;
using Transfer.Contracts.Jobs;

namespace Transfer.Cli.Output;

/// <summary>
/// The state of a job as its events tell it, for the live display: a row per trial, the best so far, and how much of the
/// trial budget is spent. Feed it every event in order with <see cref="Apply"/>.
/// </summary>
public sealed class JobBoard(JobInfo job)
{
    private readonly SortedDictionary<int, TrialRow> _trials = [];

    public JobInfo Job { get; } = job;

    public IReadOnlyCollection<TrialRow> Trials => _trials.Values;

    public int? BestTrial { get; private set; } = job.BestTrial;

    public double? BestScore { get; private set; } = job.BestScore;

    public long LastEventId { get; private set; }

    public bool Finished { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The clock the wall-time budget's progress is drawn with.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The trial budget, when the job has one.</summary>
    public int? Budget => Job.Request.Budget?.Trials;

    public int TrialsDone => _trials.Values.Count(t => t.Status is not (TrialStatus.Queued or TrialStatus.Running or TrialStatus.Paused));

    private bool Maximize => Job.Request.Objective?.Maximizes ?? true;

    public void Apply(JobEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        LastEventId = item.Id;
        switch (item.Kind)
        {
            case JobEventKinds.BestSoFar:
                (BestTrial, BestScore) = (item.Trial, item.BestScore);
                return;
            case JobEventKinds.JobFinished:
                (Finished, Message) = (true, item.Message);
                (BestTrial, BestScore) = item.BestScore is null ? (BestTrial, BestScore) : (item.Trial, item.BestScore);
                return;
        }

        if (item.Trial is not { } number)
        {
            return;
        }

        var row = _trials.TryGetValue(number, out var known) ? known : new TrialRow(number, TrialStatus.Queued, null, 0, null, null, false, null);
        row = row with { Status = item.Status ?? row.Status };
        row = item.Kind switch
        {
            JobEventKinds.TrialReported when item.Sample is { } s => row with
            {
                Epoch = s.Epoch,
                Score = Score(s) ?? row.Score,
                Light = item.Judgement?.Light ?? row.Light,
                Advice = item.Judgement is { } j ? Advice(j) : row.Advice,
            },
            JobEventKinds.TrialStopping => row with { Stopping = true, Note = item.Message },
            JobEventKinds.TrialChanged or JobEventKinds.TrialPaused or JobEventKinds.TrialResumed => row with { Note = item.Message },
            JobEventKinds.TrialFinished or JobEventKinds.TrialFailed => row with { Stopping = false, Note = item.Message ?? row.Note },
            _ => row,
        };
        _trials[number] = row;
    }

    /// <summary>The objective's value in a report: validation accuracy, or validation loss for a loss objective.</summary>
    public double? Score(CurveSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return Job.Request.Objective?.Metric == "loss" ? sample.ValidationLoss : sample.ValidationAccuracy ?? (Maximize ? null : sample.ValidationLoss);
    }

    /// <summary>The advice worth showing: the first that asks for something (not "keep going" or "too early"), with its action.</summary>
    public static string? Advice(CurveJudgement judgement)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        var advice = judgement.Advice.FirstOrDefault(a => a.Kind is not (AdviceKind.KeepGoing or AdviceKind.TooEarly)) ?? judgement.Advice.FirstOrDefault();
        return advice is null ? null : advice.Action is { } action ? $"{action}: {advice.Text}" : advice.Text;
    }
}
