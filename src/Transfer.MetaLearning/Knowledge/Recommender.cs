using MathNet.Numerics.Statistics;
using Transfer.Contracts.Knowledge;
using Transfer.MetaLearning.Features;

namespace Transfer.MetaLearning.Knowledge;

/// <summary>
/// Recommends configurations from the knowledge base's finished trials: the query's nearest past datasets of its kind
/// (robust-scaled meta-features, root-mean-square distance), each weighted by <c>1 / (distance + floor)</c>; a
/// configuration's utility is the weighted mean, over those neighbours, of its quality on each: its mid-rank percentile
/// among the trials on that dataset where the neighbour tried it (1 = best, 0 = worst, ties share their mean rank), and
/// <see cref="RecommenderOptions.UntriedQuality"/> (the median, by default) where it did not. So the best configuration of
/// the nearest dataset and one that ranked well on several neighbours both come first, while one that was merely tried
/// everywhere (a search's shared random start-up trials) counts for no more than its ranks. The expected score is the
/// weighted mean of the scores it reached where it was tried. Built once from the trials (an immutable index: rebuild or
/// build anew as the knowledge base grows); a query costs one distance per past dataset plus the neighbours' trials.
/// </summary>
public sealed class Recommender
{
    private const string KindFeature = "kind_image";

    private readonly KnownDataset[] _datasets;
    private readonly Dictionary<string, KnownDataset> _byId;
    private readonly RecommenderOptions _options;

    private Recommender(MetaFeatureScaling scaling, KnownDataset[] datasets, RecommenderOptions options)
    {
        Scaling = scaling;
        _datasets = datasets;
        _byId = datasets.ToDictionary(d => d.DatasetId, StringComparer.Ordinal);
        _options = options;
    }

    /// <summary>The normalisation the index uses (fitted on its datasets unless one was given).</summary>
    public MetaFeatureScaling Scaling { get; }

    /// <summary>How many past datasets the index holds.</summary>
    public int DatasetCount => _datasets.Length;

    /// <summary>
    /// Indexes the trials in <paramref name="scaling"/>'s feature set or, without one, in the layout most of them carry
    /// over to (<see cref="MetaFeatureProjection.ToCommonLayout"/>); vectors of another layout of the same feature set are
    /// projected by name, trials whose vector does not project are left out. A dataset's vector is that of its last trial
    /// in the sequence.
    /// </summary>
    public static Recommender Build(IEnumerable<TrialKnowledge> trials, MetaFeatureScaling? scaling = null, RecommenderOptions? options = null)
    {
        var given = trials.ToArray();
        var vectors = scaling is not null
            ? given.Select(t => MetaFeatureProjection.TryProject(t.MetaFeatures, scaling)).ToArray()
            : MetaFeatureProjection.ToCommonLayout([.. given.Select(t => t.MetaFeatures)]);
        var all = given
            .Select((t, i) => vectors[i] is { } v ? (ReferenceEquals(v, t.MetaFeatures) ? t : t with { MetaFeatures = v }) : null)
            .OfType<TrialKnowledge>()
            .ToArray();
        var byDataset = all
            .GroupBy(t => t.DatasetId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToArray())
            .ToArray();
        if (byDataset.Length == 0)
        {
            throw new ArgumentException("The knowledge base has no trials to recommend from.", nameof(trials));
        }

        scaling ??= RobustScaler.Fit(byDataset.Select(g => g[^1].MetaFeatures).ToArray());
        var datasets = byDataset.Select(g => Index(g, scaling)).ToArray();
        return new Recommender(scaling, datasets, options ?? RecommenderOptions.Default);
    }

    /// <summary>The top configurations for a raw meta-feature vector.</summary>
    public Recommendations Recommend(MetaFeatureVector query, int count = 5, IReadOnlySet<string>? excludeDatasets = null)
    {
        var point = RobustScaler.Transform(Scaling, query);
        return Recommend(point, IsImage(query), count, excludeDatasets);
    }

    /// <summary>
    /// The top configurations for a dataset already in the index, from its nearest datasets, itself included (its
    /// own trials are the best evidence) unless <paramref name="includeItself"/> is false.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The index holds no trials of that dataset.</exception>
    public Recommendations Recommend(string datasetId, int count = 5, bool includeItself = true)
    {
        var known = _byId.TryGetValue(datasetId, out var d) ? d : throw new KeyNotFoundException($"No trials of dataset '{datasetId}'.");
        return Recommend(known.Point, known.IsImage, count, includeItself ? null : new HashSet<string>(StringComparer.Ordinal) { datasetId });
    }

    private Recommendations Recommend(double[] point, bool isImage, int count, IReadOnlySet<string>? exclude)
    {
        var neighbours = Nearest(point, isImage, exclude);
        var totalWeight = neighbours.Sum(n => n.Weight);
        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var (dataset, distance, weight) in neighbours)
        {
            foreach (var best in dataset.Trials)
            {
                if (!candidates.TryGetValue(best.ConfigurationKey, out var candidate))
                {
                    candidates[best.ConfigurationKey] = candidate = new Candidate(best.Trial);
                }

                candidate.Add(dataset.DatasetId, best, weight);
            }
        }

        var items = candidates
            .Select(p => (Key: p.Key, Item: p.Value.ToRecommendation(totalWeight, _options.UntriedQuality)))
            .OrderByDescending(p => p.Item.Utility)
            .ThenByDescending(p => p.Item.ExpectedScore)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(p => p.Item)
            .ToArray();
        var reported = neighbours.Select(n => new NeighbourDataset(n.Dataset.DatasetId, n.Distance, n.Weight / totalWeight)).ToArray();
        return new Recommendations(reported, items);
    }

    private List<(KnownDataset Dataset, double Distance, double Weight)> Nearest(double[] point, bool isImage, IReadOnlySet<string>? exclude)
    {
        var k = Math.Max(1, _options.Neighbours);
        var nearest = new List<(KnownDataset Dataset, double Distance, double Weight)>(k + 1);
        foreach (var dataset in _datasets)
        {
            if (dataset.IsImage != isImage || exclude?.Contains(dataset.DatasetId) == true)
            {
                continue;
            }

            var distance = RobustScaler.Distance(point, dataset.Point);
            if (nearest.Count == k && distance >= nearest[^1].Distance)
            {
                continue;
            }

            var at = nearest.FindIndex(n => n.Distance > distance);
            nearest.Insert(at < 0 ? nearest.Count : at, (dataset, distance, 1 / (distance + _options.DistanceFloor)));
            if (nearest.Count > k)
            {
                nearest.RemoveAt(k);
            }
        }

        return nearest;
    }

    private static KnownDataset Index(TrialKnowledge[] trials, MetaFeatureScaling scaling)
    {
        var quality = MidRanks(trials);
        var known = trials
            .Select((t, i) => new KnownTrial(t, ConfigurationKey.Of(t.Configuration), quality[i]))
            .GroupBy(t => t.ConfigurationKey, StringComparer.Ordinal)
            .Select(g => g.MaxBy(t => t.Trial.Score)!)
            .ToArray();
        var last = trials[^1].MetaFeatures;
        return new KnownDataset(trials[0].DatasetId, IsImage(last), RobustScaler.Transform(scaling, last), known);
    }

    /// <summary>
    /// Each trial's mid-rank percentile among its dataset's scores: the share of the other trials it beats, ties counting
    /// half (0.5 when the dataset has a single trial: no evidence either way).
    /// </summary>
    private static double[] MidRanks(TrialKnowledge[] trials) => trials.Length == 1
        ? [0.5]
        : [.. trials.Select(t => t.Score).Ranks(RankDefinition.Average).Select(r => (r - 1) / (trials.Length - 1))];

    private static bool IsImage(MetaFeatureVector vector) => vector.Names.Contains(KindFeature) && vector[KindFeature] > 0.5;
}
