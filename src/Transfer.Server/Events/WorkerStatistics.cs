using Transfer.Contracts.Workers;

namespace Transfer.Server.Events;

/// <summary>Each active silo's utilisation, from Orleans' management grain (membership + runtime statistics).</summary>
public sealed class WorkerStatistics(IGrainFactory grains)
{
    public async Task<IReadOnlyList<WorkerInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: true).WaitAsync(cancellationToken);
        if (hosts.Length == 0)
        {
            return [];
        }

        var statistics = await management.GetRuntimeStatistics([.. hosts.Select(h => h.SiloAddress)]).WaitAsync(cancellationToken);
        return [.. hosts.Select((host, i) => ToInfo(host, statistics[i]))];
    }

    private static WorkerInfo ToInfo(MembershipEntry host, SiloRuntimeStatistics statistics) => new(
        host.SiloAddress.ToParsableString(),
        host.SiloName,
        host.HostName,
        host.RoleName,
        host.Status.ToString(),
        statistics.EnvironmentStatistics.FilteredCpuUsagePercentage,
        statistics.EnvironmentStatistics.FilteredMemoryUsageBytes,
        statistics.EnvironmentStatistics.FilteredAvailableMemoryBytes,
        statistics.EnvironmentStatistics.MaximumAvailableMemoryBytes,
        statistics.ActivationCount,
        statistics.IsOverloaded,
        GpuPercent: null,
        GpuMemoryUsedBytes: null,
        new DateTimeOffset(DateTime.SpecifyKind(statistics.DateTime, DateTimeKind.Utc)));
}
