using Transfer.Contracts.Knowledge;

namespace Transfer.Server.Knowledge;

/// <summary>
/// The blob <c>trials/{tenant}/{source}.json</c>: the finished trials of one job or one imported history, without the
/// vector (joined from the dataset's vector blob when recommendations are built, so a re-extraction upgrades them too).
/// </summary>
public sealed record StoredTrials(string Tenant, string Dataset, string Source, IReadOnlyList<HistoryTrial> Trials, DateTimeOffset At);
