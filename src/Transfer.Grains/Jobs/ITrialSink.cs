using Transfer.Contracts.Jobs;

namespace Transfer.Grains.Jobs;

/// <summary>Where an executor sends its curve as it trains; the answer says whether to go on.</summary>
public interface ITrialSink
{
    ValueTask<TrialVerdict> ReportAsync(CurveSample sample, CancellationToken cancellationToken = default);
}
