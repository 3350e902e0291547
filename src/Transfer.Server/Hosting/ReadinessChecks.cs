using Microsoft.Extensions.Diagnostics.HealthChecks;
using Transfer.Storage;

namespace Transfer.Server.Hosting;

/// <summary>Ready when the blob store answers and the cluster has an active silo.</summary>
public sealed class ReadinessChecks(DatasetBlobStore store, IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            return HealthCheckResult.Unhealthy("The blob store does not answer.", ex);
        }

        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return hosts.Count > 0 ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)") : HealthCheckResult.Unhealthy("No active silo.");
    }
}
