using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Transfer.Cli.Settings;

/// <summary>The <c>transfer jobs</c> group; each command's own settings are nested here.</summary>
public class JobsSettings : TransferSettings
{
    /// <summary><c>jobs list [--page-size]</c>.</summary>
    public sealed class Listing : JobsSettings
    {
        [CommandOption("--page-size <N>")]
        [Description("Jobs fetched per request.")]
        [DefaultValue(50)]
        public int PageSize { get; init; } = 50;

        public override ValidationResult Validate() =>
            PageSize is >= 1 and <= 1000 ? ValidationResult.Success() : ValidationResult.Error("--page-size must be between 1 and 1000.");
    }

    /// <summary>Commands on one job: <c>show</c>, <c>stop</c>, <c>trials</c>, <c>rerun</c>, <c>delete</c>.</summary>
    public class ById : JobsSettings
    {
        [CommandArgument(0, "<job>")]
        [Description("Job id.")]
        public string Id { get; init; } = "";
    }

    /// <summary><c>jobs extend &lt;job&gt; --trials N</c>.</summary>
    public sealed class Extend : ById
    {
        [CommandOption("--trials <N>", isRequired: true)]
        [Description("Trials to add.")]
        public int Trials { get; init; }

        public override ValidationResult Validate() =>
            Trials is >= 1 and <= 1000 ? ValidationResult.Success() : ValidationResult.Error("--trials must be between 1 and 1000.");
    }

    /// <summary><c>watch &lt;job&gt;</c>: the live table (or JSON lines of events with <c>--json</c>).</summary>
    public sealed class Watch : ById
    {
    }
}
