using System.Security.Cryptography;
using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;
using Transfer.Contracts.Datasets;

namespace Transfer.Cli.Commands.Datasets;

/// <summary>
/// <c>transfer datasets download &lt;id&gt; [--part] [--out]</c>: writes stored parts to disk and checks each against the
/// size and SHA-256 the server recorded (a mismatch deletes the file and exits 1).
/// </summary>
public sealed class DownloadDatasetCommand(CliServices services) : TransferCommand<DatasetsSettings.Download>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, DatasetsSettings.Download settings, CancellationToken cancellationToken)
    {
        var info = await client.Datasets.GetAsync(settings.Id, cancellationToken).ConfigureAwait(false);
        var targets = Targets(info, settings);
        if (settings.Json)
        {
            foreach (var (file, path) in targets)
            {
                await client.Datasets.DownloadPartToFileAsync(info.Id, file.Part, path, progress: null, cancellationToken).ConfigureAwait(false);
                await VerifyAsync(file, path, cancellationToken).ConfigureAwait(false);
            }

            CliJson.Write(Services.Json, targets.Select(t => new { part = t.File.Part, path = Path.GetFullPath(t.Path), sizeBytes = t.File.SizeBytes, sha256 = t.File.Sha256 }).ToList());
            return ExitCodes.Success;
        }

        await ByteProgress.For(Services.Out).StartAsync(async context =>
        {
            var tasks = targets.Select(t => context.AddTask(Markup.Escape($"{t.File.Part} → {t.Path}"), autoStart: false, maxValue: Math.Max(1, t.File.SizeBytes))).ToList();
            for (var i = 0; i < targets.Count; i++)
            {
                var (file, path) = targets[i];
                tasks[i].StartTask();
                await client.Datasets.DownloadPartToFileAsync(info.Id, file.Part, path, new ProgressTaskReporter(tasks[i]), cancellationToken).ConfigureAwait(false);
                await VerifyAsync(file, path, cancellationToken).ConfigureAwait(false);
                tasks[i].Value = tasks[i].MaxValue;
            }
        }).ConfigureAwait(false);

        Services.Out.MarkupLine($"[green]Downloaded[/] {targets.Count} part(s) of {Markup.Escape(info.Id)}; sizes and SHA-256 match.");
        return ExitCodes.Success;
    }

    /// <summary>Which parts go where: one part to <c>--out</c> (a file), or every part into <c>--out</c> (a folder).</summary>
    private static List<(DatasetFile File, string Path)> Targets(DatasetInfo info, DatasetsSettings.Download settings)
    {
        if (settings.Part is { } part)
        {
            var file = info.Files.FirstOrDefault(f => f.Part == part)
                ?? throw new CliUsageException($"Dataset {info.Id} has no part '{part}'; it has: {string.Join(", ", info.Files.Select(f => f.Part))}.");
            return [(file, settings.Out ?? SafeFileName(file))];
        }

        var folder = settings.Out ?? ".";
        Directory.CreateDirectory(folder);
        return [.. info.Files.Select(f => (f, Path.Combine(folder, SafeFileName(f))))];
    }

    /// <summary>The stored file name without any folder in it, or the part name when there is none.</summary>
    private static string SafeFileName(DatasetFile file) => Path.GetFileName(file.FileName) is { Length: > 0 } name ? name : file.Part;

    private static async Task VerifyAsync(DatasetFile file, string path, CancellationToken cancellationToken)
    {
        string sha;
        long size;
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            size = stream.Length;
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        }

        if (size != file.SizeBytes || !string.Equals(sha, file.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(path);
            throw new InvalidDataException($"{file.Part}: got {size} bytes with SHA-256 {sha}, the server stored {file.SizeBytes} bytes with {file.Sha256}; the file was deleted.");
        }
    }
}
