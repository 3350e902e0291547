using System.ComponentModel;
using Spectre.Console.Cli;

namespace Transfer.Cli.Settings;

/// <summary>The <c>transfer models</c> group: a job's registered model (its id is the job's).</summary>
public class ModelsSettings : TransferSettings
{
    /// <summary><c>models download &lt;model&gt; [--out]</c>.</summary>
    public sealed class Download : ModelsSettings
    {
        [CommandArgument(0, "<model>")]
        [Description("Model id: the job's id.")]
        public string Id { get; init; } = "";

        [CommandOption("--out <FILE>")]
        [Description("The file to write (default: <model>.model in the current folder).")]
        public string? Out { get; init; }
    }
}
