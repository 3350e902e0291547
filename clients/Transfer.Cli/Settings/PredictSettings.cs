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
    [Description("Examples to predict, no labels needed: a .csv with the model's columns, a .zip of PNG/JPEG images, one image, a folder of images, or an IDX images file or folder.")]
    public string Path { get; init; } = "";

    [CommandOption("--trial <N>")]
    [Description("Predict with this trial's model of the job <model> (e.g. 0, the baseline) instead of the registered one.")]
    public int? Trial { get; init; }
}
