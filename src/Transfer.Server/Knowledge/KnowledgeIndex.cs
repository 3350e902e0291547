using Transfer.Contracts.Knowledge;
using Transfer.MetaLearning.Knowledge;

namespace Transfer.Server.Knowledge;

/// <summary>
/// The recommender over every recorded trial (jobs and imported histories) joined with its dataset's stored vector.
/// Rebuilt only when the blobs changed (their names and ETags hash to a new signature).
/// </summary>
public sealed class KnowledgeIndex(KnowledgeStore store)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Signature, Recommender? Recommender)? _cached;

    /// <summary>The current recommender, or null while the knowledge base holds no trial with a known vector.</summary>
    public async Task<Recommender?> GetAsync(CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var signature = await store.SignatureAsync(cancellationToken);
            if (_cached is { } cached && cached.Signature == signature)
            {
                return cached.Recommender;
            }

            var vectors = (await store.ListVectorsAsync(cancellationToken)).ToDictionary(v => v.Key, StringComparer.Ordinal);
            var trials = new List<TrialKnowledge>();
            foreach (var stored in (await store.ListTrialsAsync(cancellationToken)).OrderBy(s => s.At).ThenBy(s => s.Source, StringComparer.Ordinal))
            {
                if (!vectors.TryGetValue(KnowledgeKeys.Dataset(stored.Tenant, stored.Dataset), out var vector))
                {
                    continue;
                }

                trials.AddRange(stored.Trials.Where(t => double.IsFinite(t.Score)).Select(t => new TrialKnowledge(
                    vector.Key,
                    $"{stored.Tenant}/{stored.Source}#{t.TrialId}",
                    vector.Vector,
                    t.Configuration,
                    t.Score,
                    t.Cost,
                    t.CurveSummary ?? new Dictionary<string, double>())));
            }

            var recommender = trials.Count == 0 ? null : await Task.Run(() => Recommender.Build(trials), cancellationToken);
            _cached = (signature, recommender);
            return recommender;
        }
        finally
        {
            _lock.Release();
        }
    }
}
