using Microsoft.Extensions.Options;
using Transfer.Contracts.Knowledge;
using Transfer.Server.Options;

namespace Transfer.Server.Knowledge;

/// <summary>
/// Publishes group benchmark models whose training job has ended (see <see cref="GroupBenchmarkService"/>). It reads the
/// trainings from blob storage every few seconds, so a restart or another API silo picks up where one left off;
/// publishing is create-only, so two silos settling the same training publish it once.
/// </summary>
public sealed partial class GroupBenchmarkWatcher(
    GroupBenchmarkService trainings,
    KnowledgeStore store,
    IOptions<TransferOptions> transfer,
    ILogger<GroupBenchmarkWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!transfer.Value.ServesApi)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var stored in await store.ListGroupBenchmarksAsync(stoppingToken))
                {
                    if (stored.Training.Status == GroupBenchmarkStatus.Training)
                    {
                        await trainings.SettleAsync(stored, stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling group benchmark trainings failed; trying again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
