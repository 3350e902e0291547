using System.Text.Json.Serialization;

namespace Transfer.Bench.Search;

internal sealed record Stat([property: JsonPropertyName("mean")] double Mean, [property: JsonPropertyName("std")] double Std)
{
    public static Stat Of(double[] values)
    {
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Length - 1));
        return new Stat(Math.Round(mean, 6), Math.Round(std, 6));
    }
}
