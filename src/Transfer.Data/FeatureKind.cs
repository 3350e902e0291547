namespace Transfer.Data;

/// <summary>How a CSV column is read: numbers, or categories (one-hot encoded by the reader).</summary>
public enum FeatureKind
{
    Numeric,
    Categorical,
}
