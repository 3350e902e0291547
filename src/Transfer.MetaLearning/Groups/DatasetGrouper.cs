using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Transfer.Contracts.Knowledge;
using Transfer.MetaLearning.Features;

namespace Transfer.MetaLearning.Groups;

/// <summary>
/// Clusters the knowledge base's datasets into virtual dataset groups: robust-scaled meta-features, then, for images
/// and tables apart (a benchmark model serves one kind; mixed, the image/table gap swamps every other structure),
/// ML.NET KMeans (k-means++, seeded, one thread) for every k in range, keeping the k with the best mean silhouette among
/// clusterings whose groups all reach the minimum size (one group when none qualifies). A group's centroid is its members' mean; its radius the members' root-mean-square
/// distance to it. Assignment (<see cref="Assign"/>) needs only the stored <see cref="DatasetGrouping"/>.
/// </summary>
public sealed class DatasetGrouper(DatasetGroupingOptions? options = null)
{
    private const string KindFeature = "kind_image";
    private const string SignalFeature = "lm_best_gain";

    private readonly DatasetGroupingOptions _options = options ?? DatasetGroupingOptions.Default;

    /// <summary>Clusters the datasets (of one feature set version) that show learnable structure. Deterministic under a seed.</summary>
    public DatasetGrouping Fit(IReadOnlyList<DatasetMetaFeatures> datasets, int seed, CancellationToken cancellationToken = default)
    {
        if (datasets.Count == 0)
        {
            throw new ArgumentException("Cluster at least one dataset.", nameof(datasets));
        }

        // Datasets with no learnable structure are "unknown" whatever their neighbours (see Assign); left in, one of them
        // far from everything can pull a whole group over to it.
        var learnable = datasets.Where(d => !NoSignal(d.MetaFeatures, _options.MinSignalGain)).ToArray();
        var sorted = (learnable.Length > 0 ? learnable : [.. datasets]).OrderBy(d => d.DatasetId, StringComparer.Ordinal).ToArray();
        var scaling = RobustScaler.Fit(sorted.Select(d => d.MetaFeatures).ToArray(), _options.Clip);
        var points = sorted.Select(d => RobustScaler.Transform(scaling, d.MetaFeatures)).ToArray();
        var distances = Distances(points);
        var labels = new int[points.Length];
        var groupCount = 0;
        foreach (var kind in Kinds(sorted))
        {
            var (kindLabels, k) = ChooseK(points, distances, kind, seed, cancellationToken);
            for (var i = 0; i < kind.Length; i++)
            {
                labels[kind[i]] = groupCount + kindLabels[i];
            }

            groupCount += k;
        }

        var built = Build(sorted, points, labels, groupCount);
        return new DatasetGrouping(scaling.FeatureSetVersion, scaling, built, groupCount == 1 ? 0 : Silhouette.Mean(distances, labels, groupCount), seed);
    }

    /// <summary>Indices of the image datasets and of the tables: the two kinds are clustered apart and never share a group.</summary>
    private static IEnumerable<int[]> Kinds(DatasetMetaFeatures[] sorted) =>
        sorted.Select((d, i) => (Image: KindOf(d.MetaFeatures) == DatasetGroup.ImageKind, Index: i))
            .GroupBy(p => p.Image)
            .OrderBy(g => g.Key)
            .Select(g => g.Select(p => p.Index).ToArray());

    private static bool NoSignal(MetaFeatureVector vector, double minSignal) =>
        vector.Names.Contains(SignalFeature) && vector[SignalFeature] < minSignal;

    private static string KindOf(MetaFeatureVector vector) =>
        vector.Names.Contains(KindFeature) && vector[KindFeature] > 0.5 ? DatasetGroup.ImageKind : DatasetGroup.TabularKind;

    /// <summary>KMeans for every k in range over one kind's points; the labelling with the best silhouette, or one group.</summary>
    private (int[] Labels, int Groups) ChooseK(double[][] points, double[,] distances, int[] kind, int seed, CancellationToken cancellationToken)
    {
        var subset = kind.Select(i => points[i]).ToArray();
        var local = new double[kind.Length, kind.Length];
        for (var i = 0; i < kind.Length; i++)
        {
            for (var j = 0; j < kind.Length; j++)
            {
                local[i, j] = distances[kind[i], kind[j]];
            }
        }

        var best = (Labels: new int[kind.Length], Groups: 1, Silhouette: double.NegativeInfinity);
        var maxK = Math.Min(_options.MaxGroups, kind.Length / Math.Max(1, _options.MinGroupSize));
        for (var k = Math.Max(2, _options.MinGroups); k <= maxK; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (candidate, groups) = KMeans(subset, k, seed);
            var sizes = new int[groups];
            foreach (var l in candidate)
            {
                sizes[l]++;
            }

            if (groups < 2 || sizes.Min() < _options.MinGroupSize)
            {
                continue;
            }

            var silhouette = Silhouette.Mean(local, candidate, groups);
            if (silhouette > best.Silhouette + 1e-12)
            {
                best = (candidate, groups, silhouette);
            }
        }

        return (best.Labels, best.Groups);
    }

    /// <summary>
    /// The nearest group of the vector's kind, or <see cref="GroupAssignment.UnknownGroupId"/> when the vector is beyond
    /// that group's threshold, when it shows no learnable structure (<see cref="DatasetGroupingOptions.MinSignalGain"/>),
    /// or when there is no group of its kind. Cheap: one distance per group.
    /// </summary>
    public static GroupAssignment Assign(DatasetGrouping grouping, MetaFeatureVector vector, DatasetGroupingOptions? options = null)
    {
        var minSignal = (options ?? DatasetGroupingOptions.Default).MinSignalGain;
        var kind = KindOf(vector);
        var candidates = grouping.Groups.Where(g => g.Kind == kind).ToArray();
        if (candidates.Length == 0)
        {
            return new GroupAssignment(GroupAssignment.UnknownGroupId, null, double.PositiveInfinity, 0, 0);
        }

        var x = RobustScaler.Transform(grouping.Scaling, vector);
        var ranked = candidates.Select(g => (Group: g, Distance: RobustScaler.Distance(x, g.Centroid))).OrderBy(p => p.Distance).ToArray();
        var (nearest, d1) = ranked[0];
        var d2 = ranked.Length > 1 ? ranked[1].Distance : double.PositiveInfinity;
        // A group of one dataset (or of identical ones) has a zero threshold: only its own vector is inside it.
        var proximity = nearest.Threshold > 0 ? Math.Clamp(1 - (d1 / nearest.Threshold), 0, 1) : d1 <= 0 ? 1 : 0;
        var margin = double.IsPositiveInfinity(d2) ? 1 : d2 + d1 > 0 ? (d2 - d1) / (d2 + d1) : 0;
        var noSignal = NoSignal(vector, minSignal);
        var id = d1 > nearest.Threshold || noSignal ? GroupAssignment.UnknownGroupId : nearest.Id;
        return new GroupAssignment(id, nearest.Id, d1, nearest.Threshold, noSignal ? 0 : proximity * margin);
    }

    private List<DatasetGroup> Build(DatasetMetaFeatures[] sorted, double[][] points, int[] labels, int k)
    {
        var d = points[0].Length;
        var members = Enumerable.Range(0, k).Select(c => Enumerable.Range(0, points.Length).Where(i => labels[i] == c).ToArray()).ToArray();
        var centroids = members.Select(m => Enumerable.Range(0, d).Select(j => m.Average(i => points[i][j])).ToArray()).ToArray();
        var radii = members.Select((m, c) => Math.Sqrt(m.Average(i => Math.Pow(RobustScaler.Distance(points[i], centroids[c]), 2)))).ToArray();
        var pooled = Math.Sqrt(Enumerable.Range(0, points.Length).Average(i => Math.Pow(RobustScaler.Distance(points[i], centroids[labels[i]]), 2)));
        return Enumerable.Range(0, k)
            .OrderBy(c => sorted[members[c][0]].DatasetId, StringComparer.Ordinal)
            .Select((c, index) => new DatasetGroup(
                $"g{index}",
                KindOf(sorted[members[c][0]].MetaFeatures),
                centroids[c],
                members[c].Select(i => sorted[i].DatasetId).ToArray(),
                radii[c],
                ThresholdFor(radii[c], pooled, members[c].Max(i => RobustScaler.Distance(points[i], centroids[c])))))
            .ToList();
    }

    private double ThresholdFor(double radius, double pooled, double farthestMember) =>
        Math.Max(_options.ThresholdFactor * Math.Max(radius, pooled), farthestMember * 1.1);

    private static (int[] Labels, int Groups) KMeans(double[][] points, int k, int seed)
    {
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(ClusterRow));
        schema[nameof(ClusterRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, points[0].Length);
        var view = ml.Data.LoadFromEnumerable(points.Select(p => new ClusterRow { Features = p.Select(v => (float)v).ToArray() }).ToList(), schema);
        var model = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            NumberOfClusters = k,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            NumberOfThreads = 1,
        }).Fit(view);
        var raw = model.Transform(view).GetColumn<uint>("PredictedLabel").Select(l => (int)l - 1).ToArray();

        // Renumber the non-empty clusters densely, in order of first appearance.
        var map = new Dictionary<int, int>();
        var labels = raw.Select(l => map.TryGetValue(l, out var dense) ? dense : map[l] = map.Count).ToArray();
        return (labels, map.Count);
    }

    private static double[,] Distances(double[][] points)
    {
        var n = points.Length;
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                result[i, j] = result[j, i] = RobustScaler.Distance(points[i], points[j]);
            }
        }

        return result;
    }
}
