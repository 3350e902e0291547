using System.Net;
using System.Text;
using System.Text.Json;

namespace Transfer.Client.Tests;

/// <summary>
/// Answers requests with a function of the request and records them; stands in for the server where the client's own
/// behaviour (reconnecting, building commands) is under test. The real server is covered by the end-to-end tests.
/// </summary>
internal sealed class RoutedHandler(Func<HttpRequestMessage, HttpResponseMessage> route) : HttpMessageHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public List<HttpRequestMessage> Seen { get; } = [];

    public static HttpResponseMessage Ok<T>(T body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json") };

    public static HttpResponseMessage EventStream(Stream body)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new("text/event-stream");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Seen)
        {
            Seen.Add(request);
        }

        var response = route(request);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
