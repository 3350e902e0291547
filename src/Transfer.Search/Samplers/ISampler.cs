using Transfer.Contracts.Search;
using Transfer.Search.Trials;

namespace Transfer.Search.Samplers;

/// <summary>
/// Proposes configurations. The study passes its whole trial history (finished and pending) on every call, so a sampler
/// can be rebuilt from that history; <see cref="Ask"/> may be called again while earlier trials are pending (the study adds
/// each asked trial to the history as pending first) and results may arrive in any order. Deterministic under its seed.
/// Samplers never do I/O (except the process plugin, which talks to its own child process).
/// </summary>
public interface ISampler
{
    string Name { get; }

    /// <summary>The configuration for trial number <c>history.Trials.Count</c>.</summary>
    IReadOnlyDictionary<string, ParameterValue> Ask(TrialHistory history);

    /// <summary>Notifies the sampler that a trial finished (its record is also in later histories).</summary>
    void Tell(TrialHistory history, TrialRecord trial);

    /// <summary>The sampler's extra state beyond the history (empty for most samplers), serializable as JSON.</summary>
    SamplerSnapshot Snapshot();

    void Restore(SamplerSnapshot snapshot);
}
