using Refit;
using Transfer.Client.Admin;
using Transfer.Client.Datasets;
using Transfer.Client.Internal;
using Transfer.Client.Jobs;
using Transfer.Client.Models;
using Transfer.Client.Workers;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;
using Transfer.Client.Knowledge;
using Transfer.Contracts.Tenants;

namespace Transfer.Client;

/// <summary>
/// The Transfer SDK's entry point. Without DI: <c>using var client = new TransferClient(options);</c>; with DI:
/// <c>services.AddTransferClient(o => ...)</c> and inject it. Server errors surface as <see cref="Problems.TransferProblemException"/>.
/// </summary>
public class TransferClient : IDisposable
{
    private readonly HttpClient? _ownedHttpClient;

    /// <summary>A client with its own HTTP pipeline (retries and timeouts from <paramref name="options"/>); dispose it when done.</summary>
    public TransferClient(TransferClientOptions options)
        : this(CreateHttpClient(options), options)
    {
        _ownedHttpClient = HttpClient;
    }

    /// <summary>
    /// A client over an HttpClient the caller owns (from IHttpClientFactory, or a test server's). Its handlers decide about
    /// retries; <see cref="TransferClientOptions.Endpoint"/> may be null when the HttpClient has a base address. Set the
    /// HttpClient's Timeout to infinite (or long enough for uploads) yourself.
    /// </summary>
    public TransferClient(HttpClient httpClient, TransferClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Endpoint ??= httpClient.BaseAddress;
        options.Validate();
        httpClient.BaseAddress = options.Endpoint;
        httpClient.DefaultRequestHeaders.Remove(ApiKeyHeader.Name);
        httpClient.DefaultRequestHeaders.Add(ApiKeyHeader.Name, options.ApiKey);
        HttpClient = httpClient;
        Endpoint = options.Endpoint!;
        Datasets = new DatasetsClient(RestService.For<IDatasetsApi>(httpClient, TransferRefit.Settings));
        Admin = new AdminClient(RestService.For<IAdminApi>(httpClient, TransferRefit.Settings));
        Jobs = new JobsClient(RestService.For<IJobsApi>(httpClient, TransferRefit.Settings), httpClient, options);
        var models = RestService.For<IModelsApi>(httpClient, TransferRefit.Settings);
        Models = new ModelsClient(models);
        Workers = new WorkersClient(models);
        Knowledge = new KnowledgeClient(RestService.For<IKnowledgeApi>(httpClient, TransferRefit.Settings));
    }

    /// <summary>For mocking.</summary>
    protected TransferClient()
    {
        HttpClient = null!;
        Endpoint = null!;
        Datasets = null!;
        Admin = null!;
        Jobs = null!;
        Models = null!;
        Workers = null!;
        Knowledge = null!;
    }

    /// <summary>The server this client talks to.</summary>
    public virtual Uri Endpoint { get; }

    /// <summary>Datasets of the caller's tenant.</summary>
    public virtual DatasetsClient Datasets { get; }

    /// <summary>Tenants and keys (admin keys only).</summary>
    public virtual AdminClient Admin { get; }

    /// <summary>Auto-training jobs of the caller's tenant: start, watch, steer.</summary>
    public virtual JobsClient Jobs { get; }

    /// <summary>Models registered by finished jobs: predict, download.</summary>
    public virtual ModelsClient Models { get; }

    /// <summary>The cluster's silos and their utilisation.</summary>
    public virtual WorkersClient Workers { get; }

    /// <summary>The knowledge base: meta-features, groups, benchmark models, recommendations.</summary>
    public virtual KnowledgeClient Knowledge { get; }

    private HttpClient HttpClient { get; }

    /// <summary>
    /// Uploads a dataset from disk (a CSV, an image zip, an IDX folder) and starts a job on it: the handle awaits the job
    /// (<see cref="JobHandle.WaitForCompletionAsync"/>), watches it live (<see cref="JobHandle.WatchAsync"/>) or stops it.
    /// </summary>
    public virtual async Task<JobHandle> StartAutoTrainAsync(string path, AutoTrainOptions? options = null, CancellationToken cancellationToken = default) =>
        (await UploadAndStartAsync(path, options ?? new AutoTrainOptions(), cancellationToken).ConfigureAwait(false)).Job;

    /// <summary>
    /// <see cref="StartAutoTrainAsync"/>, then waits for the job (passing each event to <paramref name="progress"/>), and
    /// returns the job, its trials and its model id.
    /// </summary>
    public virtual async Task<AutoTrainResult> AutoTrainAsync(string path, AutoTrainOptions? options = null, Action<JobEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        var (dataset, job) = await UploadAndStartAsync(path, options ?? new AutoTrainOptions(), cancellationToken).ConfigureAwait(false);
        var finished = await job.WaitForCompletionAsync(progress, cancellationToken).ConfigureAwait(false);
        return new AutoTrainResult(dataset, finished, await job.GetTrialsAsync(cancellationToken).ConfigureAwait(false));
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
        }
    }

    private async Task<(DatasetInfo Dataset, JobHandle Job)> UploadAndStartAsync(string path, AutoTrainOptions options, CancellationToken cancellationToken)
    {
        var dataset = await Datasets.UploadFileAsync(path, options.Name, options.Format, options.LabelColumn, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (dataset, await Jobs.StartAsync(options.ToRequest(dataset.Id), cancellationToken).ConfigureAwait(false));
    }

    private static HttpClient CreateHttpClient(TransferClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new HttpClient(TransferResilience.CreateHandler(options)) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
