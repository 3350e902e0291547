namespace Transfer.Contracts.Training;

/// <summary>
/// The two built-in families: a small CNN for 28×28 to 64×64 images (gray or RGB) and an MLP for tabular data.
/// Each returns a complete <see cref="ModelSpec"/>; callers tweak it with <c>with</c>.
/// </summary>
public static class ModelFamilies
{
    /// <summary>
    /// A small CNN: <paramref name="depth"/> blocks <c>C(3,w·2^i)+ReLU(+BN)+P(2,2)</c>, then a head
    /// <c>FC(hidden)+ReLU(+D(dropout))</c>. Inputs of 28 to 64 pixels a side keep at least 7×7 after two pools.
    /// </summary>
    public static ModelSpec SmallCnn(
        InputSpec input, int classes, int width = 32, int depth = 2, int hidden = 128, double dropout = 0,
        bool batchNorm = false, int frozenBlocks = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.IsImage)
        {
            throw new ArgumentException("a CNN needs an image input", nameof(input));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var backbone = new List<LayerSpec>();
        for (var i = 0; i < depth; i++)
        {
            backbone.Add(LayerSpec.Conv(3, width << i));
            if (batchNorm)
            {
                backbone.Add(LayerSpec.BatchNorm());
            }

            backbone.Add(LayerSpec.Relu());
            backbone.Add(LayerSpec.MaxPool(2, 2));
        }

        return new ModelSpec("cnn", input, backbone, Hidden(hidden, dropout), classes, frozenBlocks);
    }

    /// <summary>
    /// The reference CNN of the training benchmark: conv3×3-32, ReLU, maxpool 2, conv3×3-64, ReLU, maxpool 2,
    /// FC-128, ReLU, FC-classes.
    /// </summary>
    public static ModelSpec ReferenceCnn(InputSpec input, int classes) => SmallCnn(input, classes);

    /// <summary>An MLP: a backbone of <c>FC(h)+ReLU(+D)</c> per hidden width, an empty head, then the output layer.</summary>
    public static ModelSpec Mlp(int features, int classes, IReadOnlyList<int> hidden, double dropout = 0, int frozenBlocks = 0)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        var backbone = hidden.SelectMany(h => Hidden(h, dropout)).ToList();
        return new ModelSpec("mlp", InputSpec.Tabular(features), backbone, [], classes, frozenBlocks);
    }

    private static List<LayerSpec> Hidden(int width, double dropout)
    {
        var layers = new List<LayerSpec> { LayerSpec.Fc(width), LayerSpec.Relu() };
        if (dropout > 0)
        {
            layers.Add(LayerSpec.Dropout(dropout));
        }

        return layers;
    }
}
