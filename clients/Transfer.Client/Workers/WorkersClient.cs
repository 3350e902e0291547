using Transfer.Client.Internal;
using Transfer.Contracts.Workers;

namespace Transfer.Client.Workers;

/// <summary>The cluster's silos and how busy each is. Get one from <see cref="TransferClient.Workers"/>.</summary>
public class WorkersClient
{
    private readonly IModelsApi _api = null!;

    internal WorkersClient(IModelsApi api)
    {
        _api = api;
    }

    /// <summary>For mocking.</summary>
    protected WorkersClient()
    {
    }

    /// <summary>Each active silo's CPU, memory and activations (GPU figures null where none is measured).</summary>
    public virtual Task<IReadOnlyList<WorkerInfo>> ListAsync(CancellationToken cancellationToken = default) => _api.WorkersAsync(cancellationToken);
}
