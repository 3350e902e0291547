namespace Transfer.Contracts.Knowledge;

/// <summary>
/// A dataset's meta-features: parallel lists of names and values, and the version of the feature set that made them.
/// Vectors of different versions are not comparable.
/// </summary>
/// <param name="FeatureSetVersion">The feature set's version, e.g. <c>mf-1</c> (plus the embedding layout when one was used).</param>
/// <param name="Names">Feature names, in the feature set's fixed order.</param>
/// <param name="Values">Raw (not normalised) values, one per name.</param>
public sealed record MetaFeatureVector(string FeatureSetVersion, IReadOnlyList<string> Names, IReadOnlyList<double> Values)
{
    /// <summary>The value of a named feature.</summary>
    /// <exception cref="KeyNotFoundException">No feature has that name.</exception>
    public double this[string name]
    {
        get
        {
            for (var i = 0; i < Names.Count; i++)
            {
                if (Names[i] == name)
                {
                    return Values[i];
                }
            }

            throw new KeyNotFoundException($"Meta-feature '{name}' is not in feature set {FeatureSetVersion}.");
        }
    }
}
