namespace Transfer.Search.Spaces;

/// <summary>The primitive kinds a sampler sees once architecture parameters are expanded.</summary>
public enum DimensionKind
{
    Float,
    Int,
    Categorical,
}
