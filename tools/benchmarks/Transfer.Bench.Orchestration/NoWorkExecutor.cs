using Transfer.Contracts.Jobs;
using Transfer.Grains.Jobs;

namespace Transfer.Bench.Orchestration;

/// <summary>A trainer that does no work: it reports a fixed number of curve samples at once and completes, so the bench measures orchestration only.</summary>
public sealed class NoWorkExecutor(int reportsPerTrial) : ITrialExecutor
{
    public static int Reports;

    public async Task<TrialResult> RunAsync(TrialAssignment assignment, ITrialSink sink, TrialControl control, CancellationToken cancellationToken = default)
    {
        var random = new Random(assignment.Seed);
        var accuracy = 0.5;
        for (var i = 1; i <= reportsPerTrial && !control.StopRequested; i++)
        {
            accuracy = Math.Min(0.99, accuracy + (random.NextDouble() * 0.05));
            var verdict = await sink.ReportAsync(new CurveSample(i / (double)reportsPerTrial * 2, i * 10, 1 - accuracy, 1 - accuracy, accuracy, 0.01), cancellationToken);
            Interlocked.Increment(ref Reports);
            if (verdict.Stop)
            {
                return new TrialResult(TrialStatus.Pruned, accuracy, 1 - accuracy, null, null, verdict.Reason, i * 10);
            }
        }

        return new TrialResult(TrialStatus.Completed, accuracy, 1 - accuracy, accuracy, null, null, reportsPerTrial * 10);
    }
}
