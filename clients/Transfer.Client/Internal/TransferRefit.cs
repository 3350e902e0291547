using System.Text.Json;
using Polly.Timeout;
using Refit;
using Transfer.Client.Problems;

namespace Transfer.Client.Internal;

/// <summary>
/// Refit settings shared by every API interface: System.Text.Json web defaults; error responses become
/// <see cref="TransferProblemException"/>; transport failures stay the plain .NET exceptions (HttpRequestException,
/// OperationCanceledException), an attempt timeout becomes a <see cref="TimeoutException"/>.
/// </summary>
internal static class TransferRefit
{
    public static RefitSettings Settings { get; } = new(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)))
    {
        ExceptionFactory = ProblemReader.CreateExceptionAsync,
        TransportExceptionFactory = (request, exception, cancellationToken) => exception switch
        {
            TimeoutRejectedException timeout => new TimeoutException($"{request.Method} {request.RequestUri} timed out after {timeout.Timeout}.", timeout),
            _ => exception,
        },
    };
}
