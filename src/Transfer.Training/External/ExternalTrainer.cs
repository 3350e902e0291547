using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Transfer.Contracts.Training;

namespace Transfer.Training.External;

/// <summary>
/// Runs a user training command with the configuration as arguments, environment or a JSON file, streams the curve
/// parsed from its stdout/stderr, stops it on request and kills it at the time limit. A non-zero exit, a log with no
/// loss or metric, or a hang is a failed trial whose message carries the log tail.
/// </summary>
public sealed class ExternalTrainer(ExternalTrainerSpec spec, IReadOnlyDictionary<string, string> configuration, int seed) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    /// <summary>The outcome, once the report stream has ended.</summary>
    public TrainingOutcome? Outcome { get; private set; }

    /// <summary>Asks the run to end: the process tree is killed and the run ends as <see cref="TrainingStatus.Stopped"/>.</summary>
    public void Stop() => _stop.Cancel();

    public void Dispose() => _stop.Dispose();

    /// <summary>Starts the command and yields a progress entry per parsed log line, then a finished entry.</summary>
    public async IAsyncEnumerable<TrainingReport> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var configFile = spec.ConfigPassing == ConfigPassing.JsonFile ? Path.Combine(Path.GetTempPath(), $"transfer-config-{Guid.NewGuid():N}.json") : null;
        if (configFile is not null)
        {
            await File.WriteAllTextAsync(configFile, JsonSerializer.Serialize(configuration), cancellationToken);
        }

        var curve = new List<TrainingReport>();
        var tail = new Queue<string>();
        var lines = Channel.CreateUnbounded<string>();
        using var process = new Process { StartInfo = StartInfo(configFile) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(spec.TimeoutSeconds));
        try
        {
            process.Start();
            var pump = Task.WhenAll(Pump(process.StandardOutput, lines.Writer), Pump(process.StandardError, lines.Writer))
                .ContinueWith(_ => lines.Writer.TryComplete(), TaskScheduler.Default);
            var parser = new LogCurveParser(spec.Patterns ?? new LogPatterns());
            var ending = (TrainingStatus?)null;
            string? message = null;
            await using (timeout.Token.Register(() => Kill(process)))
            await using (cancellationToken.Register(() => Kill(process)))
            await using (_stop.Token.Register(() => Kill(process)))
            {
                await foreach (var line in lines.Reader.ReadAllAsync(CancellationToken.None))
                {
                    tail.Enqueue(line);
                    if (tail.Count > spec.LogTailLines)
                    {
                        tail.Dequeue();
                    }

                    if (ending is null && parser.Parse(line) is { } point)
                    {
                        curve.Add(point);
                        yield return point;
                        if (point.TrainLoss is { } loss && !double.IsFinite(loss))
                        {
                            ending = TrainingStatus.Diverged;
                            message = $"loss {loss} at step {point.Step}";
                            Kill(process);
                        }
                    }
                }

                await pump;
                await process.WaitForExitAsync(CancellationToken.None);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var log = string.Join('\n', tail);
            TrainingStatus status;
            (status, message) = ending is { } diverged ? (diverged, message)
                : _stop.IsCancellationRequested ? (TrainingStatus.Stopped, "stopped on request")
                : timeout.IsCancellationRequested ? (TrainingStatus.TimedOut, $"no exit after {spec.TimeoutSeconds} s; log tail:\n{log}")
                : process.ExitCode != 0 ? (TrainingStatus.Failed, $"exit code {process.ExitCode}; log tail:\n{log}")
                : curve.Count == 0 ? (TrainingStatus.Failed, $"no loss or metric in the log; log tail:\n{log}")
                : (TrainingStatus.Completed, (string?)null);
            var last = curve.LastOrDefault();
            var finished = new TrainingReport(ReportKind.Finished, last?.Step ?? 0, double.NaN, double.NaN, Status: status, Message: message);
            curve.Add(finished);
            Outcome = new TrainingOutcome(status, seed, last?.Step ?? 0, status == TrainingStatus.Diverged ? last?.Step : null,
                curve.LastOrDefault(r => r.Validation is not null)?.Validation, curve, message);
            yield return finished;
        }
        finally
        {
            Kill(process);
            if (configFile is not null)
            {
                File.Delete(configFile);
            }
        }
    }

    private ProcessStartInfo StartInfo(string? configFile)
    {
        var info = new ProcessStartInfo(spec.Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        var placeholder = false;
        foreach (var argument in spec.Arguments)
        {
            placeholder |= argument.Contains("{config}", StringComparison.Ordinal);
            info.ArgumentList.Add(configFile is null ? argument : argument.Replace("{config}", configFile, StringComparison.Ordinal));
        }

        foreach (var (key, value) in spec.Environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        info.Environment["TRANSFER_SEED"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (spec.ConfigPassing)
        {
            case ConfigPassing.Arguments:
                foreach (var (key, value) in configuration)
                {
                    info.ArgumentList.Add($"--{key}");
                    info.ArgumentList.Add(value);
                }

                break;
            case ConfigPassing.Environment:
                foreach (var (key, value) in configuration)
                {
                    info.Environment["TRANSFER_" + new string([.. key.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')])] = value;
                }

                break;
            default:
                info.Environment["TRANSFER_CONFIG"] = configFile;
                if (!placeholder)
                {
                    info.ArgumentList.Add("--config");
                    info.ArgumentList.Add(configFile!);
                }

                break;
        }

        return info;
    }

    private static async Task Pump(StreamReader reader, ChannelWriter<string> writer)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            await writer.WriteAsync(line);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Not started or already gone.
        }
    }
}
