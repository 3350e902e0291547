namespace Transfer.Training.Data;

/// <summary>
/// A split of a decoded dataset, ready to batch: it writes normalised (and, for train splits, augmented) examples
/// straight into a batch buffer.
/// </summary>
public interface IExampleSet
{
    /// <summary>Number of examples in the split.</summary>
    int Count { get; }

    /// <summary>Number of classes of the whole dataset.</summary>
    int Classes { get; }

    /// <summary>The shape of one example: <c>[C, H, W]</c> or <c>[features]</c>.</summary>
    IReadOnlyList<long> ExampleShape { get; }

    /// <summary>Floats per example.</summary>
    int ExampleSize { get; }

    /// <summary>The class of example <paramref name="position"/> (0 ≤ position &lt; <see cref="Count"/>).</summary>
    int Label(int position);

    /// <summary>
    /// Writes the examples at <paramref name="positions"/> into <paramref name="features"/> (row-major, one
    /// <see cref="ExampleSize"/> block each) and their classes into <paramref name="labels"/>. With
    /// <paramref name="augmentation"/> non-null the set's augmentation is applied, drawing from that generator.
    /// </summary>
    void Fill(ReadOnlySpan<int> positions, Span<float> features, Span<long> labels, Random? augmentation);
}
