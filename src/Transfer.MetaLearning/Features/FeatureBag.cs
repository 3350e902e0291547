namespace Transfer.MetaLearning.Features;

/// <summary>Collects named values and lays them out in catalog order, refusing a vector with a feature left undefined.</summary>
internal sealed class FeatureBag
{
    private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);

    public void Set(string name, double value) =>
        _values[name] = double.IsFinite(value) ? value : throw new InvalidOperationException($"Meta-feature '{name}' is {value}.");

    public double[] ToArray(IReadOnlyList<string> names)
    {
        var result = new double[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            if (!_values.TryGetValue(names[i], out result[i]))
            {
                throw new InvalidOperationException($"Meta-feature '{names[i]}' was not computed.");
            }
        }

        return result;
    }
}
