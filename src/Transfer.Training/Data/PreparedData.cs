using Transfer.Contracts.Training;
using Transfer.Data;

namespace Transfer.Training.Data;

/// <summary>
/// A decoded dataset split and normalised for training: the train set (augmented when asked), the validation and
/// test sets (never augmented), the split itself and the preprocessing that inference repeats.
/// </summary>
public sealed record PreparedData(
    IExampleSet Train,
    IExampleSet Validation,
    IExampleSet Test,
    DataSplit Split,
    Preprocessing Preprocessing)
{
    /// <summary>Splits images by class, normalises with train statistics, and augments the train split only.</summary>
    public static PreparedData FromImages(ImageData data, SplitConfig split, AugmentationConfig? augmentation = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(split);
        var s = StratifiedSplitter.Split(data.Labels, split.ValidationFraction, split.TestFraction, split.Seed);
        return FromImages(data, s, augmentation);
    }

    /// <summary>Prepares images for a given split (e.g. one fold of <see cref="StratifiedSplitter.KFold"/>).</summary>
    public static PreparedData FromImages(ImageData data, DataSplit split, AugmentationConfig? augmentation = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(split);
        var stats = NormalizationStats.ForImages(data, split.Train);
        var pre = new Preprocessing(InputSpec.Image(data.Channels, data.Height, data.Width), stats, data.Classes);
        return new PreparedData(
            new ImageExampleSet(data, split.Train, stats, augmentation),
            new ImageExampleSet(data, split.Validation, stats),
            new ImageExampleSet(data, split.Test, stats),
            split,
            pre);
    }

    /// <summary>Splits a table by class and standardises columns with train statistics.</summary>
    public static PreparedData FromTable(TabularData data, SplitConfig split)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(split);
        return FromTable(data, StratifiedSplitter.Split(data.Labels, split.ValidationFraction, split.TestFraction, split.Seed));
    }

    /// <summary>Prepares a table for a given split.</summary>
    public static PreparedData FromTable(TabularData data, DataSplit split)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(split);
        var stats = NormalizationStats.ForTable(data, split.Train);
        var pre = new Preprocessing(InputSpec.Tabular(data.Columns), stats, data.Classes, data.ColumnNames);
        return new PreparedData(
            new TabularExampleSet(data, split.Train, stats),
            new TabularExampleSet(data, split.Validation, stats),
            new TabularExampleSet(data, split.Test, stats),
            split,
            pre);
    }
}
