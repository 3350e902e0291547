using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Transfer.Client.Datasets;
using Transfer.Contracts.Datasets;

namespace Transfer.Cli.Settings;

/// <summary>The <c>transfer datasets</c> group; each command's own settings are nested here.</summary>
public class DatasetsSettings : TransferSettings
{
    /// <summary><c>datasets upload &lt;path&gt; [--name] [--label] [--format]</c>, or an IDX pair by <c>--images</c> and <c>--labels</c>.</summary>
    public sealed class Upload : DatasetsSettings
    {
        public const string DefaultLabelColumn = "label";

        [CommandArgument(0, "[path]")]
        [Description("A .csv file, an image .zip, or a folder with one *-idx3-ubyte* and one *-idx1-ubyte* file.")]
        public string? Path { get; init; }

        [CommandOption("--name <NAME>")]
        [Description("Dataset name (default: the file or folder name).")]
        public string? Name { get; init; }

        [CommandOption("--label <COLUMN>")]
        [Description("CSV only: the label column (default: label).")]
        public string? Label { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("csv, zip or idx (default: inferred from the path).")]
        public string? Format { get; init; }

        [CommandOption("--images <FILE>")]
        [Description("IDX images file (with --labels, instead of a path).")]
        public string? Images { get; init; }

        [CommandOption("--labels <FILE>")]
        [Description("IDX labels file (with --images).")]
        public string? Labels { get; init; }

        public override ValidationResult Validate()
        {
            var pair = Images is not null || Labels is not null;
            if (pair && (Images is null || Labels is null))
            {
                return ValidationResult.Error("--images and --labels go together.");
            }

            if (pair == (Path is not null))
            {
                return ValidationResult.Error("Give either a path or --images and --labels.");
            }

            if (Format is not null && ParseFormat(Format) is null)
            {
                return ValidationResult.Error($"Unknown format '{Format}': use csv, zip or idx.");
            }

            if (Label is not null && ResolvedFormatHint() is DatasetFormat.ImageZip or DatasetFormat.Idx)
            {
                return ValidationResult.Error("--label applies to CSV uploads only.");
            }

            return ValidationResult.Success();
        }

        /// <summary>The files to send and their format, from the arguments (infers the format, finds an IDX pair in a folder).</summary>
        public DatasetFileSet ResolveFiles() => Images is not null && Labels is not null
            ? DatasetFileSet.FromIdxPair(Images, Labels)
            : DatasetFileSet.FromPath(Path!, Format is null ? null : ParseFormat(Format));

        /// <summary>The label column to send: <c>--label</c>, or <see cref="DefaultLabelColumn"/> for CSV.</summary>
        public string? LabelColumnFor(DatasetFormat format) => format == DatasetFormat.Csv ? Label ?? DefaultLabelColumn : null;

        /// <summary><c>csv</c>, <c>zip</c> (or <c>imagezip</c>), <c>idx</c>, any case; null when unknown.</summary>
        public static DatasetFormat? ParseFormat(string text) => text.ToLowerInvariant() switch
        {
            "csv" => DatasetFormat.Csv,
            "zip" or "imagezip" => DatasetFormat.ImageZip,
            "idx" => DatasetFormat.Idx,
            _ => null,
        };

        private DatasetFormat? ResolvedFormatHint() => Images is not null ? DatasetFormat.Idx
            : Format is not null ? ParseFormat(Format)
            : null;
    }

    /// <summary><c>datasets list [--page-size]</c>.</summary>
    public sealed class Listing : DatasetsSettings
    {
        [CommandOption("--page-size <N>")]
        [Description("Datasets fetched per request.")]
        [DefaultValue(50)]
        public int PageSize { get; init; } = 50;

        public override ValidationResult Validate() =>
            PageSize is >= 1 and <= 1000 ? ValidationResult.Success() : ValidationResult.Error("--page-size must be between 1 and 1000.");
    }

    /// <summary>Commands on one dataset: <c>show &lt;id&gt;</c>, <c>delete &lt;id&gt;</c>.</summary>
    public class ById : DatasetsSettings
    {
        [CommandArgument(0, "<id>")]
        [Description("Dataset id.")]
        public string Id { get; init; } = "";
    }

    /// <summary><c>datasets download &lt;id&gt; [--part] [--out]</c>.</summary>
    public sealed class Download : ById
    {
        [CommandOption("--part <PART>")]
        [Description("data, images or labels (default: every part of the dataset).")]
        public string? Part { get; init; }

        [CommandOption("--out <PATH>")]
        [Description("With --part: the file to write (default: the stored file name). Without: the folder (default: .).")]
        public string? Out { get; init; }
    }
}
