namespace Transfer.Contracts.Training;

/// <summary>
/// A network, fully determined by this record and a seed. The backbone is split into blocks: a block starts at each
/// convolution or fully connected layer and takes the layers that follow it (activation, pooling, batch norm,
/// dropout). The first <see cref="FrozenBlocks"/> blocks are frozen (the cut point). The head's layers follow the
/// backbone, and an output layer <c>FC(Classes)</c> is always appended.
/// </summary>
/// <param name="Family">A label for the family the spec came from (<c>cnn</c>, <c>mlp</c>, or anything).</param>
/// <param name="Input">The shape of one example.</param>
/// <param name="Backbone">The transferable part, e.g. <c>C(3,32)+ReLU+P(2,2)</c>.</param>
/// <param name="Head">The dataset-specific part before the output layer, e.g. <c>FC(128)+ReLU+D(0.5)</c>.</param>
/// <param name="Classes">Number of classes: the output layer's width.</param>
/// <param name="FrozenBlocks">How many leading backbone blocks are frozen; 0 trains everything.</param>
/// <param name="OutputLrMult">The output layer's <c>lr_mult</c>.</param>
/// <param name="OutputDecayMult">The output layer's <c>decay_mult</c>.</param>
public sealed record ModelSpec(
    string Family,
    InputSpec Input,
    IReadOnlyList<LayerSpec> Backbone,
    IReadOnlyList<LayerSpec> Head,
    int Classes,
    int FrozenBlocks = 0,
    double OutputLrMult = 1,
    double OutputDecayMult = 1)
{
    /// <summary>The number of backbone blocks (convolution or fully connected layers in the backbone).</summary>
    public int BackboneBlocks => Backbone.Count(l => l.Kind is LayerKind.Conv or LayerKind.FullyConnected);

    /// <summary>Whether another spec has the same input and backbone layers, so backbone weights can move between them.</summary>
    public bool HasSameBackbone(ModelSpec other) =>
        other.Input == Input && other.Backbone.Count == Backbone.Count
        && other.Backbone.Zip(Backbone).All(p => p.First with { LrMult = 1, DecayMult = 1 } == p.Second with { LrMult = 1, DecayMult = 1 });

    /// <summary>The spec in the seed's notation: <c>backbone | head | FC(classes)</c>.</summary>
    public override string ToString() =>
        $"{LayerNotation.Format(Backbone)} | {LayerNotation.Format(Head)} | FC({Classes})";
}
