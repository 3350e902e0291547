using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Transfer.Client.Internal;

/// <summary>
/// The one resilience pipeline every TransferClient uses, with or without DI: retries with exponential backoff and jitter on
/// 408, 429, 5xx, network errors and attempt timeouts, for GET and DELETE only (a POST, an upload above all, is sent once:
/// its body stream is consumed), inside that a per-attempt timeout (uploads get <see cref="TransferClientOptions.UploadTimeout"/>).
/// </summary>
internal static class TransferResilience
{
    public const string PipelineName = "transfer";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, TransferClientOptions options)
    {
        if (options.MaxRetries > 0)
        {
            var retry = new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            };
            retry.DisableFor(HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch);
            builder.AddRetry(retry);
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions
        {
            TimeoutGenerator = args => ValueTask.FromResult(
                args.Context.GetRequestMessage()?.Content is MultipartFormDataContent ? options.UploadTimeout : options.RequestTimeout),
        });
    }

    /// <summary>The handler chain of a client built without DI: the pipeline over a pooled socket handler (or <paramref name="inner"/>).</summary>
    public static HttpMessageHandler CreateHandler(TransferClientOptions options, HttpMessageHandler? inner = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        Configure(builder, options);
        return new ResilienceHandler(builder.Build())
        {
            InnerHandler = inner ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) },
        };
    }
}
