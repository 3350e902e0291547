using Transfer.Contracts.Training;

namespace Transfer.Training.Data;

/// <summary>
/// What inference must repeat of the training preparation: the input shape, the train-split normalisation, the
/// class names and, for tables, the encoded column names (new data is aligned to them by name).
/// </summary>
public sealed record Preprocessing(
    InputSpec Input,
    NormalizationStats Normalization,
    IReadOnlyList<string> Classes,
    IReadOnlyList<string>? ColumnNames = null);
