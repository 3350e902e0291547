using System.ComponentModel;
using Spectre.Console.Cli;

namespace Transfer.Cli.Settings;

/// <summary>The <c>transfer kb</c> group and the <c>groups</c> and <c>recommend</c> commands; each command's own settings are nested here.</summary>
public class KnowledgeSettings : TransferSettings
{
    /// <summary><c>kb seed &lt;folder&gt;</c> (admin key).</summary>
    public sealed class Seed : KnowledgeSettings
    {
        [CommandArgument(0, "<folder>")]
        [Description("A folder laid out as knowledge-base-seeds/: datasets/*, benchmark-models/*/model.json, histories/*.json.")]
        public string Folder { get; init; } = "";
    }

    /// <summary>Commands on one dataset: <c>kb features &lt;dataset&gt;</c>.</summary>
    public sealed class ByDataset : KnowledgeSettings
    {
        [CommandArgument(0, "<dataset>")]
        [Description("Dataset id.")]
        public string Dataset { get; init; } = "";
    }

    /// <summary><c>recommend &lt;dataset&gt; [--count]</c>.</summary>
    public sealed class Recommend : KnowledgeSettings
    {
        [CommandArgument(0, "<dataset>")]
        [Description("Dataset id (its meta-features must be ready).")]
        public string Dataset { get; init; } = "";

        [CommandOption("--count <N>")]
        [Description("How many configurations (default 5).")]
        public int Count { get; init; } = 5;
    }
}
