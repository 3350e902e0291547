using Microsoft.Extensions.Options;
using Transfer.Server.Options;
using Transfer.Storage;
using Transfer.Training;

namespace Transfer.Server.Hosting;

/// <summary>On worker silos: picks the torch device and thread count once, and creates the artifact containers.</summary>
public sealed class TorchStartup(IOptions<WorkerOptions> worker, IOptions<TransferOptions> transfer, ArtifactStore artifacts) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await artifacts.EnsureContainersAsync(cancellationToken);
        if (transfer.Value.RunsTraining)
        {
            TorchRuntime.Configure(new TorchOptions(worker.Value.TorchThreads, worker.Value.Device));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
