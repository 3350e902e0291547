using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Transfer.Client.Problems;
using Transfer.Contracts.Jobs;

namespace Transfer.Client.Jobs;

/// <summary>
/// Follows <c>GET /api/jobs/{id}/events</c> and, when the connection drops (a network error, or the body ending before
/// <c>job-finished</c> while the job still runs), reconnects with <c>Last-Event-ID</c> so that no event is missed or
/// repeated. Gives up after <see cref="MaxReconnects"/> attempts in a row that bring no new event.
/// </summary>
internal sealed class JobWatcher(HttpClient http, Func<string, CancellationToken, Task<JobInfo>> getJob, TimeSpan reconnectDelay, int maxReconnects)
{
    public int MaxReconnects => maxReconnects;

    public async IAsyncEnumerable<JobEvent> WatchAsync(string jobId, long afterId, int? trial, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = afterId;
        var failures = 0;
        while (true)
        {
            var stream = await OpenAsync(jobId, last, trial, cancellationToken).ConfigureAwait(false);
            if (stream is not null)
            {
                await using (stream.ConfigureAwait(false))
                {
                    var events = JobEventStream.ReadAsync(stream, cancellationToken).GetAsyncEnumerator(cancellationToken);
                    await using (events.ConfigureAwait(false))
                    {
                        while (await MoveNextAsync(events, cancellationToken).ConfigureAwait(false))
                        {
                            var item = events.Current;
                            if (item.Id <= last)
                            {
                                continue;
                            }

                            last = item.Id;
                            failures = 0;
                            yield return item;
                            if (item.Kind == JobEventKinds.JobFinished)
                            {
                                yield break;
                            }
                        }
                    }
                }
            }

            // The body ended cleanly without job-finished: the job finished before `last` (nothing more will come) or the connection was cut.
            if (stream is not null && IsDone(await getJob(jobId, cancellationToken).ConfigureAwait(false)))
            {
                yield break;
            }

            if (++failures > maxReconnects)
            {
                throw new HttpRequestException($"The event stream of job '{jobId}' dropped {failures} times in a row (last event {last}).");
            }

            await Task.Delay(reconnectDelay * failures, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Done: its trials have all ended and its model is registered (the server then has nothing more to send).</summary>
    public static bool IsDone(JobInfo job) => job.FinishedAt is not null;

    /// <summary>What the enumerator says; false too when the connection failed mid-way (the caller reconnects).</summary>
    private static async Task<bool> MoveNextAsync(IAsyncEnumerator<JobEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            return await events.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is IOException or HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<Stream?> OpenAsync(string jobId, long last, int? trial, CancellationToken cancellationToken)
    {
        var path = $"api/jobs/{Uri.EscapeDataString(jobId)}/events" + (trial is { } t ? $"?trial={t.ToString(CultureInfo.InvariantCulture)}" : "");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (last > 0)
        {
            request.Headers.Add("Last-Event-ID", last.ToString(CultureInfo.InvariantCulture));
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        if (response.IsSuccessStatusCode)
        {
            return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        }

        using (response)
        {
            var problem = await ProblemReader.CreateExceptionAsync(response).ConfigureAwait(false);
            if ((int)response.StatusCode >= 500)
            {
                return null;
            }

            throw problem!;
        }
    }
}
