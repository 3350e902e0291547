using Transfer.Contracts.Jobs;
using Transfer.Contracts.Knowledge;
using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Spaces;
using Transfer.Server.Jobs;

namespace Transfer.Server.Knowledge;

/// <summary>
/// What the knowledge base advises for a job: the benchmark model to fine-tune from (null: train from scratch), the
/// group it came from, and the recommended configurations of the nearest past datasets, which
/// <see cref="WarmStartFor"/> turns into a warm start valid in the job's own space.
/// </summary>
public sealed record KnowledgeAdvice(
    BenchmarkChoice? Benchmark,
    GroupAssignment? Group,
    Recommendations? Recommendations,
    int MaxObservations = 20,
    int MaxEnqueued = 3)
{
    /// <summary>No advice: an empty knowledge base, features not ready in time, or a failure that must not fail the job.</summary>
    public static KnowledgeAdvice None { get; } = new(null, null, null);

    /// <summary>
    /// The warm start for a job: prior observations on the quantile scale (a configuration's utility, its distance-weighted
    /// mid-rank on the neighbours, which the sampler reads on the job's own scale: scores of other datasets do not compare
    /// with this one's, and an easy neighbour's 1.0 would otherwise outrank every trial of the job for good), weighted by
    /// the distance weights of the neighbours that tried the configuration, only when the objective is accuracy, maximised,
    /// as the knowledge base's scores are; and the top configurations enqueued first. Only configurations valid in the job's space count; null when none is. The job's
    /// <paramref name="baseline"/> runs anyway (trial 0), so it is not one of the enqueued: they are the next best.
    /// </summary>
    public WarmStartDefinition? WarmStartFor(SearchSpaceDefinition definition, JobObjective? objective, IReadOnlyDictionary<string, ParameterValue>? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (Recommendations is not { Items.Count: > 0 } recommendations)
        {
            return null;
        }

        SearchSpace space;
        try
        {
            space = SearchSpace.Create(definition);
        }
        catch (SearchSpaceException)
        {
            return null;
        }

        var weights = recommendations.Neighbours.ToDictionary(n => n.DatasetId, n => n.Weight, StringComparer.Ordinal);
        var valid = recommendations.Items
            .Select(item => (Item: item, Configuration: ConfigurationJson.InSpace(item.Configuration, space)))
            .Where(p => p.Configuration is not null)
            .ToArray();
        if (valid.Length == 0)
        {
            return null;
        }

        var accuracy = (objective?.Metric ?? JobObjective.Accuracy) == JobObjective.Accuracy; // always maximised (JobObjective)
        var observations = accuracy
            ? valid.Take(MaxObservations).Select(p => new PriorObservation(
                p.Configuration!,
                Math.Clamp(p.Item.Utility, 0, 1),
                Math.Clamp(p.Item.DatasetIds.Distinct(StringComparer.Ordinal).Sum(d => weights.GetValueOrDefault(d)), 0.05, 1))).ToArray()
            : null;
        var baselineKey = baseline is null ? null : ConfigurationKey.Of(baseline);
        var enqueued = valid
            .Select(p => p.Configuration!)
            .Where(c => ConfigurationKey.Of(c) != baselineKey)
            .Take(MaxEnqueued)
            .ToArray();
        return new WarmStartDefinition(observations, enqueued, PriorScale.Quantile);
    }
}
