using Refit;
using Transfer.Client.Admin;
using Transfer.Client.Datasets;
using Transfer.Client.Internal;
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
        Knowledge = new KnowledgeClient(RestService.For<IKnowledgeApi>(httpClient, TransferRefit.Settings));
    }

    /// <summary>For mocking.</summary>
    protected TransferClient()
    {
        HttpClient = null!;
        Endpoint = null!;
        Datasets = null!;
        Admin = null!;
        Knowledge = null!;
    }

    /// <summary>The server this client talks to.</summary>
    public virtual Uri Endpoint { get; }

    /// <summary>Datasets of the caller's tenant.</summary>
    public virtual DatasetsClient Datasets { get; }

    /// <summary>Tenants and keys (admin keys only).</summary>
    public virtual AdminClient Admin { get; }

    /// <summary>The knowledge base: meta-features, groups, benchmark models, recommendations.</summary>
    public virtual KnowledgeClient Knowledge { get; }

    private HttpClient HttpClient { get; }

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

    private static HttpClient CreateHttpClient(TransferClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new HttpClient(TransferResilience.CreateHandler(options)) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
