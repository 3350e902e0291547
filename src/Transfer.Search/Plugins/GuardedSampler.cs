using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;

namespace Transfer.Search.Plugins;

/// <summary>
/// Runs an untrusted in-process sampler with a time limit per call and checks its answers against the space. A call that
/// does not return in time is abandoned (its thread may keep running; the study is not held up).
/// </summary>
public sealed class GuardedSampler(ISampler inner, SearchSpace space, TimeSpan timeout) : ISampler
{
    public string Name => inner.Name;

    public IReadOnlyDictionary<string, ParameterValue> Ask(TrialHistory history)
    {
        var config = Call(() => inner.Ask(history), "ask") ?? throw new PluginException(PluginFailure.Garbage, "ask returned null");
        var problems = space.Check(config);
        return problems.Count == 0 ? config : throw new PluginException(PluginFailure.Garbage, "ask returned a configuration outside the space: " + string.Join("; ", problems));
    }

    public void Tell(TrialHistory history, TrialRecord trial) => Call(() => { inner.Tell(history, trial); return 0; }, "tell");

    public SamplerSnapshot Snapshot() => Call(inner.Snapshot, "snapshot");

    public void Restore(SamplerSnapshot snapshot) => Call(() => { inner.Restore(snapshot); return 0; }, "restore");

    private T Call<T>(Func<T> call, string what)
    {
        var task = Task.Run(call);
        try
        {
            if (!task.Wait(timeout))
            {
                throw new PluginException(PluginFailure.TimedOut, $"{what} did not return within {timeout.TotalSeconds:F1} s");
            }
        }
        catch (AggregateException e)
        {
            throw new PluginException(PluginFailure.Crashed, $"{what} threw {e.InnerException?.GetType().Name}: {e.InnerException?.Message}", e.InnerException);
        }

        return task.Result;
    }
}
