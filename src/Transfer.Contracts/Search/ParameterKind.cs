using System.Text.Json.Serialization;

namespace Transfer.Contracts.Search;

/// <summary>The type of one search-space parameter.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ParameterKind>))]
public enum ParameterKind
{
    /// <summary>A real number in [low, high], optionally sampled on a log scale.</summary>
    Float,

    /// <summary>An integer in [low, high], optionally log-scaled, optionally on a step grid.</summary>
    Int,

    /// <summary>One of a list of named choices.</summary>
    Categorical,

    /// <summary>A head architecture: a sequence of layers written <c>C(k,n)</c>, <c>P(k,s)</c>, <c>FC(n)</c>.</summary>
    Architecture,
}
