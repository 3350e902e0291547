using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Transfer.Grains.Jobs;
using Transfer.Storage;

namespace Transfer.Server.Hosting;

/// <summary>What the grains need on every silo: blob stores, and on workers the trial executor and its slots.</summary>
public static class GrainServiceExtensions
{
    public static IServiceCollection AddTransferGrainServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new BlobServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.TryAddSingleton<DatasetBlobStore>();
        services.TryAddSingleton<ArtifactStore>();
        services.TryAddSingleton<DatasetCache>();
        services.TryAddSingleton(sp => new WorkerSlots(sp.GetRequiredService<IOptions<JobOptions>>().Value.WorkerSlots));
        services.TryAddSingleton<ITrialExecutor, TorchTrialExecutor>();
        return services;
    }
}
