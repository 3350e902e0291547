namespace Transfer.Data;

/// <summary>
/// Table rows to predict, encoded to a model's columns (<see cref="ModelCsvReader"/>): <see cref="Table"/> has the
/// model's column names in its order and no classes; <see cref="MissingColumns"/> names the model's source columns the
/// CSV lacks, which count as missing values in every row.
/// </summary>
public sealed record AlignedTable(TabularData Table, IReadOnlyList<string> MissingColumns);
