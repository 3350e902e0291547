using Transfer.Contracts.Knowledge;

namespace Transfer.MetaLearning.Features;

/// <summary>
/// Carries a vector over to another embedding layout of the same built-in feature set, by name: what lets grouping and
/// recommendations keep working while the knowledge base re-extracts its vectors after a benchmark model was published.
/// A vector with more embedding slots than the target projects exactly (the extra slots are dropped); one that lacks a
/// slot of the target cannot be projected.
/// </summary>
public static class MetaFeatureProjection
{
    /// <summary>
    /// The vector in <paramref name="version"/> with <paramref name="names"/>: itself when already of that version; null
    /// when the built-in parts differ or a target name is missing from the vector, unless
    /// <paramref name="zeroWhenMissing"/> says that name is zero by definition (the slot of a model that does not take
    /// the dataset: the extractor writes zeros there too).
    /// </summary>
    public static MetaFeatureVector? TryProject(MetaFeatureVector vector, string version, IReadOnlyList<string> names, Func<string, bool>? zeroWhenMissing = null)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(names);
        if (vector.FeatureSetVersion == version)
        {
            return vector;
        }

        if (BaseOf(vector.FeatureSetVersion) != BaseOf(version))
        {
            return null;
        }

        var index = new Dictionary<string, int>(vector.Names.Count, StringComparer.Ordinal);
        for (var i = 0; i < vector.Names.Count; i++)
        {
            index.TryAdd(vector.Names[i], i);
        }

        var values = new double[names.Count];
        for (var j = 0; j < names.Count; j++)
        {
            if (index.TryGetValue(names[j], out var i))
            {
                values[j] = vector.Values[i];
            }
            else if (zeroWhenMissing?.Invoke(names[j]) != true)
            {
                return null;
            }
        }

        return new MetaFeatureVector(version, names, values);
    }

    /// <summary>The vector in the feature set <paramref name="scaling"/> was fitted on (see <see cref="TryProject(MetaFeatureVector, string, IReadOnlyList{string})"/>).</summary>
    public static MetaFeatureVector? TryProject(MetaFeatureVector vector, MetaFeatureScaling scaling)
    {
        ArgumentNullException.ThrowIfNull(scaling);
        return TryProject(vector, scaling.FeatureSetVersion, scaling.Names);
    }

    /// <summary>
    /// <paramref name="vectors"/> in one layout while they are of several versions (a re-extraction after a benchmark model
    /// was published is under way): of the versions present, the one the most vectors project onto, then the one with more
    /// names (more information), then by name. Each entry is the projected vector, or null where that vector does not
    /// project. Once every vector has caught up it is simply their version. Taking the most common version instead would
    /// drop the not-yet-re-extracted datasets from grouping and recommendations halfway through a sweep.
    /// </summary>
    public static MetaFeatureVector?[] ToCommonLayout(IReadOnlyList<MetaFeatureVector> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var layouts = vectors.GroupBy(v => v.FeatureSetVersion, StringComparer.Ordinal).Select(g => g.First()).ToArray();
        if (layouts.Length <= 1)
        {
            return [.. vectors];
        }

        return layouts
            .Select(l => vectors.Select(v => TryProject(v, l.FeatureSetVersion, l.Names)).ToArray())
            .Select((projected, i) => (Projected: projected, Layout: layouts[i], Fits: projected.Count(v => v is not null)))
            .OrderByDescending(p => p.Fits)
            .ThenByDescending(p => p.Layout.Names.Count)
            .ThenBy(p => p.Layout.FeatureSetVersion, StringComparer.Ordinal)
            .First().Projected;
    }

    /// <summary>The built-in part of a version: <c>mf-1</c> of <c>mf-1+emb[…]</c>.</summary>
    public static string BaseOf(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
