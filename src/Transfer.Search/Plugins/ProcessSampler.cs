using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;

namespace Transfer.Search.Plugins;

/// <summary>
/// A sampler in another process (the seed's PythonAlg) speaking JSON lines over stdin/stdout; the protocol is in
/// <c>tools/plugins/README.md</c>. Every request waits at most the timeout; a crash, a time-out or a malformed answer
/// kills the process and raises a <see cref="PluginException"/> (and every later call raises it again), so a bad plugin
/// never hangs a study.
/// </summary>
public sealed class ProcessSampler : ISampler, IDisposable
{
    private readonly SearchSpace _space;
    private readonly ProcessSamplerOptions _options;
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private PluginException? _broken;
    private int _nextId;

    public ProcessSampler(SearchSpace space, int seed, WarmStartDefinition? warmStart, ProcessSamplerOptions options)
    {
        _space = space;
        _options = options;
        var start = new ProcessStartInfo(options.Command)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory ?? Environment.CurrentDirectory,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in options.Arguments)
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            _process = Process.Start(start) ?? throw new PluginException(PluginFailure.LoadFailed, $"'{options.Command}' did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new PluginException(PluginFailure.LoadFailed, $"'{options.Command}' did not start: {e.Message}", e);
        }

        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                if (e.Data is not null && _stderr.Length < 4000)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
        Request(new JsonObject
        {
            ["method"] = "init",
            ["space"] = JsonSerializer.SerializeToNode(space.Definition, PluginJson.Options),
            ["seed"] = seed,
            ["warm_start"] = new JsonObject
            {
                ["observations"] = new JsonArray([.. (warmStart?.Observations ?? []).Select(o => (JsonNode)new JsonObject
                {
                    ["configuration"] = PluginJson.Configuration(o.Configuration),
                    ["value"] = o.Value,
                    ["weight"] = o.Weight,
                })]),
                ["enqueued"] = new JsonArray([.. (warmStart?.Enqueued ?? []).Select(c => (JsonNode)PluginJson.Configuration(c))]),
            },
        });
    }

    public string Name => "process";

    public IReadOnlyDictionary<string, ParameterValue> Ask(TrialHistory history)
    {
        var reply = Request(new JsonObject
        {
            ["method"] = "ask",
            ["trial"] = history.Trials.Count,
            ["direction"] = history.Direction.ToString().ToLowerInvariant(),
            ["history"] = new JsonArray([.. history.Trials.Select(t => (JsonNode)PluginJson.Trial(t, history.Direction))]),
        });
        IReadOnlyDictionary<string, ParameterValue> config;
        try
        {
            config = PluginJson.ParseConfiguration(reply["configuration"]);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw Break(PluginFailure.Garbage, $"ask answer has no valid configuration: {e.Message}");
        }

        var problems = _space.Check(config);
        return problems.Count == 0 ? config : throw Break(PluginFailure.Garbage, "configuration outside the space: " + string.Join("; ", problems));
    }

    public void Tell(TrialHistory history, TrialRecord trial) =>
        Request(new JsonObject { ["method"] = "tell", ["trial"] = PluginJson.Trial(trial, history.Direction) });

    public SamplerSnapshot Snapshot()
    {
        var reply = Request(new JsonObject { ["method"] = "snapshot" });
        return new SamplerSnapshot(Name, reply["state"]?.ToJsonString());
    }

    public void Restore(SamplerSnapshot snapshot) =>
        Request(new JsonObject { ["method"] = "restore", ["state"] = snapshot.StateJson is null ? null : JsonNode.Parse(snapshot.StateJson) });

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.StandardInput.WriteLine("{\"method\":\"shutdown\"}");
                _process.StandardInput.Flush();
            }
            catch (IOException)
            {
                // Already gone.
            }

            if (!_process.WaitForExit(500))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private JsonObject Request(JsonObject request)
    {
        if (_broken is not null)
        {
            throw _broken;
        }

        var id = ++_nextId;
        request["id"] = id;
        try
        {
            _process.StandardInput.WriteLine(request.ToJsonString());
            _process.StandardInput.Flush();
        }
        catch (IOException)
        {
            throw Break(PluginFailure.Crashed, "the process closed its input" + ExitInfo());
        }

        var timeout = id == 1 ? _options.StartupTimeout ?? TimeSpan.FromSeconds(30) : _options.Timeout;
        var read = _process.StandardOutput.ReadLineAsync();
        if (!read.Wait(timeout))
        {
            throw Break(PluginFailure.TimedOut, $"no answer to '{request["method"]}' within {timeout.TotalSeconds:F1} s");
        }

        var line = read.Result ?? throw Break(PluginFailure.Crashed, $"the process ended during '{request["method"]}'" + ExitInfo());
        JsonObject reply;
        try
        {
            reply = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            throw Break(PluginFailure.Garbage, $"answer is not a JSON object: {Truncate(line)} ({e.Message})");
        }

        if (reply["id"] is not JsonValue idValue || !idValue.TryGetValue<int>(out var got) || got != id)
        {
            throw Break(PluginFailure.Garbage, $"answer id does not match request {id}: {Truncate(line)}");
        }

        if (reply["error"] is { } error)
        {
            throw Break(PluginFailure.Reported, error.ToString());
        }

        return reply;
    }

    private PluginException Break(PluginFailure failure, string message)
    {
        _broken = new PluginException(failure, message);
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }

        return _broken;
    }

    private string ExitInfo()
    {
        var exited = _process.WaitForExit(1000);
        string err;
        lock (_stderr)
        {
            err = _stderr.ToString().Trim();
        }

        return (exited ? $" (exit code {_process.ExitCode})" : "") + (err.Length > 0 ? $"; stderr: {Truncate(err)}" : "");
    }

    private static string Truncate(string s) => s.Length > 300 ? s[..300] + "…" : s;
}
