using System.ComponentModel;
using Spectre.Console.Cli;

namespace Transfer.Cli.Settings;

/// <summary><c>transfer predict &lt;model&gt; &lt;file|folder&gt;</c>.</summary>
public sealed class PredictSettings : TransferSettings
{
    [CommandArgument(0, "<model>")]
    [Description("Model id (the id of the job that registered it).")]
    public string Model { get; init; } = "";

    [CommandArgument(1, "<path>")]
    [Description("Examples in the dataset's format: a .csv (with the label column), an image .zip, or an IDX folder.")]
    public string Path { get; init; } = "";

    [CommandOption("--trial <N>")]
    [Description("Predict with this trial's model of the job <model> (e.g. 0, the baseline) instead of the registered one.")]
    public int? Trial { get; init; }

    [CommandOption("--label <COLUMN>")]
    [Description("CSV only: the label column (default: label).")]
    public string? Label { get; init; }
}
