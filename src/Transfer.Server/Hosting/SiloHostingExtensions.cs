using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Transfer.Grains;
using Transfer.Grains.Jobs;
using Transfer.Server.Options;
using Transfer.Storage;

namespace Transfer.Server.Hosting;

/// <summary>Wires the Orleans silo: clustering (localhost or Azure Table), blob grain storage, the contracts' JSON codec.</summary>
public static class SiloHostingExtensions
{
    public static WebApplicationBuilder AddTransferSilo(this WebApplicationBuilder builder)
    {
        var silo = builder.Configuration.GetSection(TransferSiloOptions.Section).Get<TransferSiloOptions>() ?? new TransferSiloOptions();
        var transfer = builder.Configuration.GetSection(TransferOptions.Section).Get<TransferOptions>() ?? new TransferOptions();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        builder.UseOrleans(orleans => orleans.ConfigureTransferSilo(silo, storage, transfer.RunsTraining));
        return builder;
    }

    /// <summary>Clustering, reminders, grain storage and serialization of a Transfer silo; also used by multi-silo tests.</summary>
    public static ISiloBuilder ConfigureTransferSilo(this ISiloBuilder orleans, TransferSiloOptions silo, StorageOptions storage, bool runsTraining)
    {
        if (silo.Clustering == "AzureTable")
        {
            orleans.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (silo.ClusterId, silo.ServiceId));
            orleans.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(storage.ConnectionString));
            orleans.ConfigureEndpoints(IPAddress.Loopback, silo.SiloPort, silo.GatewayPort);
        }
        else if (silo.Clustering == "Localhost")
        {
            orleans.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, serviceId: silo.ServiceId, clusterId: silo.ClusterId);
        }

        orleans.AddDashboard(); // the cluster view's data; shown under /dashboard/cluster to admin keys (DashboardEndpoints)
        orleans.UseAzureTableReminderService(o => o.TableServiceClient = new TableServiceClient(storage.ConnectionString));
        if (!runsTraining)
        {
            // Heterogeneous silos: only silos with the worker role carry the trial runner, so Orleans places trials there.
            orleans.Configure<GrainTypeOptions>(o => o.Classes.Remove(typeof(TrialRunnerGrain)));
        }

        orleans.AddAzureBlobGrainStorage(GrainStorage.Default, o =>
        {
            o.BlobServiceClient = new BlobServiceClient(storage.ConnectionString);
            o.ContainerName = silo.GrainStateContainer;
            o.GrainStorageSerializer = new GrainStateSerializer();
        });

        // Wire DTOs from Transfer.Contracts travel inside grain calls and state as JSON: they stay free of Orleans attributes
        // (the SDK shares them), and are not mirrored by a second set of grain-side types.
        orleans.Services.AddTransferSerialization();
        return orleans;
    }

    /// <summary>The contracts' JSON codec, for silos and for external cluster clients.</summary>
    public static IServiceCollection AddTransferSerialization(this IServiceCollection services) =>
        services.AddSerializer(s => s.AddJsonSerializer(isSupported: type => type.Namespace?.StartsWith("Transfer.Contracts", StringComparison.Ordinal) == true));
}
