using System.Net;
using System.Text;

namespace Transfer.Client.Tests;

/// <summary>
/// Answers every request with one canned error response and counts the requests; used only to test how problems are parsed
/// and which failures are retried (the real server's behaviour is covered by the end-to-end tests).
/// </summary>
internal sealed class CannedProblemHandler(HttpStatusCode status, string body, string mediaType = "application/problem+json") : HttpMessageHandler
{
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    public List<HttpRequestMessage> Seen { get; } = [];

    /// <summary>The request bodies as text, in order (empty for requests without one).</summary>
    public List<string> Bodies { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var requestBody = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Seen)
        {
            Seen.Add(request);
            Bodies.Add(requestBody);
        }

        return new HttpResponseMessage(status)
        {
            Content = new StringContent(body, Encoding.UTF8, mediaType),
            RequestMessage = request,
        };
    }

    public static string Problem(int status, string code, string title, string detail) =>
        $$"""{"type":"urn:transfer:problem:{{code}}","title":"{{title}}","status":{{status}},"detail":"{{detail}}","code":"{{code}}"}""";
}
