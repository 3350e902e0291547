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

        [CommandOption("--exclude <NAME>")]
        [Description("Leave out this dataset (a folder name under datasets/) and its history; repeatable.")]
        public string[] Exclude { get; init; } = [];

        [CommandOption("--wait")]
        [Description("Wait until every seeded dataset has its meta-features and the groups are re-clustered with them.")]
        public bool Wait { get; init; }
    }

    /// <summary>Commands on one dataset: <c>kb features &lt;dataset&gt;</c>.</summary>
    public sealed class ByDataset : KnowledgeSettings
    {
        [CommandArgument(0, "<dataset>")]
        [Description("Dataset id.")]
        public string Dataset { get; init; } = "";
    }

    /// <summary><c>kb train-model &lt;group&gt; --model &lt;id&gt; [--epochs] [--seed] [--no-wait]</c> (admin key).</summary>
    public sealed class TrainGroupModel : KnowledgeSettings
    {
        [CommandArgument(0, "<group>")]
        [Description("Group id (see `transfer groups`); an image group.")]
        public string Group { get; init; } = "";

        [CommandOption("--model <ID>")]
        [Description("Id of the benchmark model to publish (3-40 lower-case letters, digits, dashes).")]
        public string Model { get; init; } = "";

        [CommandOption("--epochs <N>")]
        [Description("Training length (default 3).")]
        public int Epochs { get; init; } = 3;

        [CommandOption("--seed <N>")]
        [Description("Seed of the split and the run (default 1).")]
        public int RunSeed { get; init; } = 1;

        [CommandOption("--no-wait")]
        [Description("Return once the training has started.")]
        public bool NoWait { get; init; }
    }

    /// <summary><c>kb publish-model &lt;folder&gt; (--group &lt;id&gt; | --group-of &lt;dataset&gt;) [--id] [--wait]</c> (admin key).</summary>
    public sealed class PublishModel : KnowledgeSettings
    {
        [CommandArgument(0, "<folder>")]
        [Description("A benchmark model's folder, as knowledge-base-seeds/benchmark-models/*: model.json (id, spec, weights file) and the weights it names.")]
        public string Folder { get; init; } = "";

        [CommandOption("--group <ID>")]
        [Description("Serve this group (see `transfer groups`).")]
        public string? Group { get; init; }

        [CommandOption("--group-of <DATASET>")]
        [Description("Serve the group this dataset is in: a dataset id, or the name of one of your datasets.")]
        public string? GroupOf { get; init; }

        [CommandOption("--id <ID>")]
        [Description("Publish under this id (3-40 lower-case letters, digits, dashes; default: the id in model.json).")]
        public string? Id { get; init; }

        [CommandOption("--wait")]
        [Description("Wait until the meta-features of every dataset the knowledge base holds include the model (an image model's embedding joins them) and the groups are re-clustered with them.")]
        public bool Wait { get; init; }
    }

    /// <summary><c>recommend &lt;dataset&gt; [--count]</c>.</summary>
    public sealed class Recommend : KnowledgeSettings
    {
        [CommandArgument(0, "<dataset|file>")]
        [Description("Dataset id (its meta-features must be ready), or a JSON file with a meta-feature vector (e.g. saved from `transfer kb features <id> --json`).")]
        public string Dataset { get; init; } = "";

        [CommandOption("--count <N>")]
        [Description("How many configurations (default 5).")]
        public int Count { get; init; } = 5;
    }
}
