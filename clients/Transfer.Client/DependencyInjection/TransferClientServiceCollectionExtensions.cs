using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Transfer.Client.Internal;

namespace Transfer.Client.DependencyInjection;

/// <summary>Registers <see cref="TransferClient"/> over IHttpClientFactory with the same retry and timeout pipeline as <c>new TransferClient(options)</c>.</summary>
public static class TransferClientServiceCollectionExtensions
{
    /// <summary>The IHttpClientFactory name of the client's HttpClient.</summary>
    public const string HttpClientName = "Transfer.Client";

    /// <summary>Adds a transient <see cref="TransferClient"/> configured by <paramref name="configure"/>; the options are validated on start.</summary>
    /// <returns>The HttpClient builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddTransferClient(this IServiceCollection services, Action<TransferClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TransferClientOptions>()
            .Configure(configure)
            .Validate(Validates, "TransferClientOptions are invalid: Endpoint (absolute URI) and ApiKey are required, timeouts positive.")
            .ValidateOnStart();
        services.AddTransient(sp => new TransferClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<TransferClientOptions>>().Value));
        var builder = services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddResilienceHandler(TransferResilience.PipelineName, (pipeline, context) =>
            TransferResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<TransferClientOptions>>().Value));
        return builder;
    }

    private static bool Validates(TransferClientOptions options)
    {
        try
        {
            options.Validate();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
