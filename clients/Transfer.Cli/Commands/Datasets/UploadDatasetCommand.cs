using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;
using Transfer.Contracts.Datasets;

namespace Transfer.Cli.Commands.Datasets;

/// <summary><c>transfer datasets upload</c>: sends a CSV, an image zip or an IDX pair with a progress bar, then shows what the server found.</summary>
public sealed class UploadDatasetCommand(CliServices services) : TransferCommand<DatasetsSettings.Upload>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, DatasetsSettings.Upload settings, CancellationToken cancellationToken)
    {
        var files = settings.ResolveFiles();
        var name = settings.Name ?? files.DefaultName;
        var label = settings.LabelColumnFor(files.Format);
        DatasetInfo info;
        if (settings.Json)
        {
            info = await client.Datasets.UploadFilesAsync(files, name, label, progress: null, cancellationToken).ConfigureAwait(false);
            CliJson.Write(Services.Json, info);
            return ExitCodes.Success;
        }

        info = await ByteProgress.For(Services.Out).StartAsync(async context =>
        {
            var task = context.AddTask(Markup.Escape($"Uploading {name} ({files.Format})"), maxValue: Math.Max(1, files.TotalBytes));
            var result = await client.Datasets.UploadFilesAsync(files, name, label, new ProgressTaskReporter(task), cancellationToken).ConfigureAwait(false);
            task.Value = task.MaxValue;
            return result;
        }).ConfigureAwait(false);

        Services.Out.MarkupLine($"[green]Uploaded[/] {Markup.Escape(info.Name)} as [bold]{Markup.Escape(info.Id)}[/].");
        Services.Out.Write(DatasetView.Details(info));
        return ExitCodes.Success;
    }
}
