namespace Transfer.Search.Samplers.Rl;

/// <summary>Q values keyed by state and action strings; serializable as a plain dictionary.</summary>
public sealed class QTable
{
    private readonly double _initial;

    public QTable(double initial, Dictionary<string, Dictionary<string, double>>? values = null)
    {
        _initial = initial;
        Values = values ?? new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
    }

    public Dictionary<string, Dictionary<string, double>> Values { get; }

    public double Get(string state, string action) =>
        Values.TryGetValue(state, out var row) && row.TryGetValue(action, out var q) ? q : _initial;

    public void Set(string state, string action, double value)
    {
        if (!Values.TryGetValue(state, out var row))
        {
            row = new Dictionary<string, double>(StringComparer.Ordinal);
            Values[state] = row;
        }

        row[action] = value;
    }
}
