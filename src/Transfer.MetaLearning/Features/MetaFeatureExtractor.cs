using Transfer.Contracts.Knowledge;
using Transfer.Data;

namespace Transfer.MetaLearning.Features;

/// <summary>
/// Computes a dataset's meta-features (<see cref="MetaFeatureCatalog"/>) on a bounded, seeded subsample, so the cost does
/// not grow with the dataset. Simple counts use the whole dataset; everything else uses at most
/// <see cref="MetaFeatureOptions.SubsampleCap"/> rows and a capped, seeded sample of columns. Images are read as pixel
/// columns in [0, 1] for the statistics and as 2x2-pooled pixels for the landmarkers; tables get zeros for the image
/// features, images get zero missing and categorical fractions. Deterministic under a seed.
/// </summary>
public sealed class MetaFeatureExtractor(MetaFeatureOptions? options = null)
{
    private readonly MetaFeatureOptions _options = options ?? MetaFeatureOptions.Default;

    /// <summary>Meta-features of a table.</summary>
    public MetaFeatureVector Extract(TabularData data, int seed, CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var rows = SampleRows(data.Rows, random);
        var bag = new FeatureBag();
        Simple(bag, isImage: false, data.Rows, data.Columns, data.Classes.Count);
        var (missingCells, missingRows) = Missing(data, rows);
        bag.Set("missing_fraction", missingCells);
        bag.Set("rows_with_missing_fraction", missingRows);
        bag.Set("categorical_fraction", data.SourceColumns.Count == 0
            ? 0
            : data.SourceColumns.Count(c => c.Kind == FeatureKind.Categorical) / (double)data.SourceColumns.Count);

        var labels = rows.Select(r => data.Labels[r]).ToArray();
        var statistics = Tabular(data, rows, labels, Columns(data.Columns, _options.StatisticsColumnCap, random.Next()));
        var landmarks = Tabular(data, rows, labels, Columns(data.Columns, _options.LandmarkerColumnCap, random.Next()));
        Common(bag, statistics, landmarks, random.Next(), cancellationToken);
        ImageFeatures.SetNeutral(bag);
        return Finish(bag, embeddings: null);
    }

    /// <summary>
    /// Meta-features of an image dataset. <paramref name="embeddings"/> maps a benchmark model id of
    /// <see cref="MetaFeatureOptions.EmbeddingLayout"/> to the dataset's mean embedding under that model's backbone
    /// (computed by the training library); models left out get zeros.
    /// </summary>
    public MetaFeatureVector Extract(
        ImageData data,
        int seed,
        IReadOnlyDictionary<string, float[]>? embeddings = null,
        CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var rows = SampleRows(data.Count, random);
        var bag = new FeatureBag();
        Simple(bag, isImage: true, data.Count, data.ImageSize, data.Classes.Count);
        bag.Set("missing_fraction", 0);
        bag.Set("rows_with_missing_fraction", 0);
        bag.Set("categorical_fraction", 0);

        var labels = rows.Select(r => data.Labels[r]).ToArray();
        var pixelColumns = Columns(data.ImageSize, _options.StatisticsColumnCap, random.Next());
        var values = new float[rows.Length * pixelColumns.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var image = data.Image(rows[i]);
            for (var j = 0; j < pixelColumns.Length; j++)
            {
                values[(i * pixelColumns.Length) + j] = image[pixelColumns[j]] / 255f;
            }
        }

        var statistics = new SampleMatrix(rows.Length, pixelColumns.Length, values, labels, data.Classes.Count);
        var landmarks = ImagePooling.Pool(data, rows, _options.LandmarkerColumnCap);
        Common(bag, statistics, landmarks, random.Next(), cancellationToken);
        ImageFeatures.Compute(data, rows, bag);
        return Finish(bag, embeddings);
    }

    private void Common(FeatureBag bag, SampleMatrix statistics, SampleMatrix landmarks, int seed, CancellationToken cancellationToken)
    {
        var all = Enumerable.Range(0, statistics.Columns).ToArray();
        StatisticalFeatures.Compute(statistics, all, bag);
        InformationFeatures.Compute(statistics, all, bag);
        cancellationToken.ThrowIfCancellationRequested();
        Landmarkers.Compute(landmarks, seed, _options.HoldoutFraction, bag);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static void Simple(FeatureBag bag, bool isImage, long rows, int features, int classes)
    {
        var n = Math.Max(1, rows);
        var d = Math.Max(1, features);
        var k = Math.Max(1, classes);
        bag.Set("kind_image", isImage ? 1 : 0);
        bag.Set("log_rows", Math.Log10(n));
        bag.Set("log_features", Math.Log10(d));
        bag.Set("log_classes", Math.Log10(k));
        bag.Set("log_rows_per_feature", Math.Log10(n / (double)d));
        bag.Set("log_rows_per_class", Math.Log10(n / (double)k));
    }

    private MetaFeatureVector Finish(FeatureBag bag, IReadOnlyDictionary<string, float[]>? embeddings)
    {
        var layout = _options.EmbeddingLayout;
        foreach (var id in embeddings?.Keys ?? Enumerable.Empty<string>())
        {
            if (!layout.Any(s => s.ModelId == id))
            {
                throw new ArgumentException($"Embedding for model '{id}' is not in the feature set's embedding layout.", nameof(embeddings));
            }
        }

        foreach (var slot in layout)
        {
            float[]? vector = null;
            if (embeddings?.TryGetValue(slot.ModelId, out vector) == true && vector!.Length != slot.Dimensions)
            {
                throw new ArgumentException($"Embedding for model '{slot.ModelId}' has {vector.Length} values; the layout says {slot.Dimensions}.", nameof(embeddings));
            }

            for (var i = 0; i < slot.Dimensions; i++)
            {
                bag.Set($"{MetaFeatureCatalog.EmbeddingPrefix}{slot.ModelId}.{i}", vector is null ? 0 : vector[i]);
            }
        }

        var (version, names) = MetaFeatureCatalog.For(layout);
        return new MetaFeatureVector(version, names, bag.ToArray(names));
    }

    private int[] SampleRows(int count, Random random)
    {
        var rows = Sampling.Choose(count, Math.Min(count, _options.SubsampleCap), random);
        Array.Sort(rows);
        return rows;
    }

    private static int[] Columns(int count, int cap, int seed)
    {
        if (count <= cap)
        {
            return Enumerable.Range(0, count).ToArray();
        }

        var columns = Sampling.Choose(count, cap, new Random(seed));
        Array.Sort(columns);
        return columns;
    }

    private static SampleMatrix Tabular(TabularData data, int[] rows, int[] labels, int[] columns)
    {
        var values = new float[rows.Length * columns.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = data.Row(rows[i]);
            for (var j = 0; j < columns.Length; j++)
            {
                values[(i * columns.Length) + j] = row[columns[j]];
            }
        }

        return new SampleMatrix(rows.Length, columns.Length, values, labels, data.Classes.Count);
    }

    private static (double Cells, double Rows) Missing(TabularData data, int[] rows)
    {
        long cells = 0, withMissing = 0;
        foreach (var r in rows)
        {
            var missing = 0;
            foreach (var v in data.Row(r))
            {
                missing += float.IsNaN(v) ? 1 : 0;
            }

            cells += missing;
            withMissing += missing > 0 ? 1 : 0;
        }

        var total = (double)rows.Length * Math.Max(1, data.Columns);
        return rows.Length == 0 ? (0, 0) : (cells / total, withMissing / (double)rows.Length);
    }
}
