namespace Transfer.Search.Trials;

/// <summary>
/// Everything a sampler or scheduler may know: every trial of the study, finished or pending, in number order.
/// The trial a sampler is asked for gets number <c>Trials.Count</c>.
/// </summary>
public sealed record TrialHistory(IReadOnlyList<TrialRecord> Trials, StudyDirection Direction = StudyDirection.Minimize)
{
    public static TrialHistory Empty { get; } = new([]);

    /// <summary>The value to minimise: the value itself, or its negation when maximising.</summary>
    public double Loss(double value) => Direction == StudyDirection.Minimize ? value : -value;

    /// <summary>Complete trials with a finite value.</summary>
    public IEnumerable<TrialRecord> Finished => Trials.Where(t => t.State == TrialState.Complete && t.Value is { } v && double.IsFinite(v));

    public IEnumerable<TrialRecord> Pending => Trials.Where(t => t.State == TrialState.Pending);

    public TrialHistory With(TrialRecord trial)
    {
        var list = new List<TrialRecord>(Trials);
        if (trial.Number < list.Count)
        {
            list[trial.Number] = trial;
        }
        else
        {
            list.Add(trial);
        }

        return this with { Trials = list };
    }
}
