using Transfer.Contracts.Jobs;
using Stats = MathNet.Numerics.Statistics.Statistics;

namespace Transfer.Bench.Transfer;

/// <summary>One arm of the comparison over seeds: its held-out test accuracies (one per seed), mean and sample std.</summary>
public sealed record Arm(IReadOnlyList<double> Values)
{
    public double Mean => Values.Count == 0 ? double.NaN : Values.Average();

    public double Std => Values.Count > 1 ? Stats.StandardDeviation(Values) : 0;

    public object Json() => new { mean = Math.Round(Mean, 4), std = Math.Round(Std, 4), values = Values.Select(v => Math.Round(v, 4)) };

    /// <summary>
    /// Trials a job needed before its best-so-far validation score (fully trained trials, in trial order, the scratch
    /// reference skipped but counted as a spent trial) reached <paramref name="target"/>; <paramref name="never"/> when it did not.
    /// </summary>
    public static int TrialsTo(IReadOnlyList<TrialInfo> trials, double target, int never)
    {
        var best = double.NegativeInfinity;
        foreach (var t in trials.OrderBy(t => t.Number))
        {
            if (!t.IsScratch && t.Status == TrialStatus.Completed && t.Score is { } s)
            {
                best = Math.Max(best, s);
            }

            if (best >= target)
            {
                return t.Number + 1;
            }
        }

        return never;
    }
}
