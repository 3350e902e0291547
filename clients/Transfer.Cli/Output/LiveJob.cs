using System.Globalization;
using Spectre.Console;
using Transfer.Client;
using Transfer.Contracts.Jobs;

namespace Transfer.Cli.Output;

/// <summary>
/// Follows a job's event stream into a <see cref="JobBoard"/>: a live-updating table on an interactive console, a line per
/// finished trial and new best elsewhere (logs, tests), and with <c>--json</c> one JSON line per event.
/// </summary>
public static class LiveJob
{
    public static async Task<JobBoard> FollowAsync(CliServices services, TransferClient client, JobInfo job, bool json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(client);
        var board = new JobBoard(job);
        var events = client.Jobs.WatchAsync(job.Id, cancellationToken: cancellationToken);
        if (json)
        {
            await foreach (var item in events.ConfigureAwait(false))
            {
                board.Apply(item);
                services.Json.WriteLine(System.Text.Json.JsonSerializer.Serialize(item, CliJson.Lines));
            }

            await services.Json.FlushAsync(cancellationToken).ConfigureAwait(false);
            return board;
        }

        if (services.Out.Profile.Capabilities.Interactive)
        {
            await services.Out.Live(JobView.Board(board)).StartAsync(async context =>
            {
                await foreach (var item in events.ConfigureAwait(false))
                {
                    board.Apply(item);
                    context.UpdateTarget(JobView.Board(board));
                }
            }).ConfigureAwait(false);
            return board;
        }

        await foreach (var item in events.ConfigureAwait(false))
        {
            board.Apply(item);
            if (Line(item, board) is { } line)
            {
                services.Out.WriteLine(line);
            }
        }

        services.Out.Write(JobView.Board(board));
        return board;
    }

    private static string? Line(JobEvent item, JobBoard board) => item.Kind switch
    {
        JobEventKinds.TrialFinished or JobEventKinds.TrialFailed =>
            string.Create(CultureInfo.InvariantCulture, $"trial {item.Trial} {item.Status}: score {JobView.Number(board.Trials.FirstOrDefault(t => t.Number == item.Trial)?.Score)}{(item.Message is null ? "" : $" ({item.Message})")}"),
        JobEventKinds.BestSoFar => string.Create(CultureInfo.InvariantCulture, $"best so far: trial {item.Trial} at {JobView.Number(item.BestScore)}"),
        JobEventKinds.TrialStopping or JobEventKinds.TrialChanged or JobEventKinds.TrialPaused or JobEventKinds.TrialResumed =>
            $"trial {item.Trial} {item.Kind["trial-".Length..]}: {item.Message}",
        JobEventKinds.JobFinishing => "all trials have ended: registering the model",
        JobEventKinds.JobFinished => $"job finished: {item.Message}",
        _ => null,
    };
}
