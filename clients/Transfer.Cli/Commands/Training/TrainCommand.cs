using Spectre.Console;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;
using Transfer.Client;
using Transfer.Client.Datasets;
using Transfer.Client.Jobs;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;

namespace Transfer.Cli.Commands.Training;

/// <summary>
/// <c>transfer train &lt;path&gt;</c>: uploads the dataset, starts a job, shows its trials live from the event stream,
/// and ends with the winner against the baseline (the default configuration) and the from-scratch reference (mean ± std
/// across folds when scored by k-fold) and the held-out test score.
/// </summary>
public sealed class TrainCommand(CliServices services) : TransferCommand<TrainSettings>(services)
{
    protected override async Task<int> RunAsync(TransferClient client, TrainSettings settings, CancellationToken cancellationToken)
    {
        var files = DatasetFileSet.FromPath(settings.Path);
        var name = settings.Name ?? files.DefaultName;
        var label = files.Format == DatasetFormat.Csv ? settings.Label ?? DatasetsSettings.Upload.DefaultLabelColumn : null;
        var budget = settings.JobBudget;
        var options = new AutoTrainOptions
        {
            Trials = budget.Trials,
            WallTime = budget.WallTimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            DeviceHours = budget.DeviceHours,
            Metric = settings.Metric,
            MaxEpochs = settings.Epochs,
            Sampler = settings.Sampler,
            Scheduler = settings.Scheduler,
            Parallelism = settings.Parallel,
            Seed = settings.Seed,
            Validation = settings.Validation is null && settings.Folds == 5 && settings.FoldModel is null ? null : new JobValidation(settings.Validation ?? JobValidation.Auto, settings.Folds, FoldModel: settings.FoldModel ?? JobValidation.Ensemble),
            ScratchReference = settings.Scratch,
            EnsembleSize = settings.EnsembleSize,
            Space = settings.Space is null ? null : await SpaceFile.ReadAsync(settings.Space, cancellationToken).ConfigureAwait(false),
        };

        var dataset = settings.Json
            ? await client.Datasets.UploadFilesAsync(files, name, label, progress: null, cancellationToken).ConfigureAwait(false)
            : await ByteProgress.For(Services.Out).StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape($"Uploading {name} ({files.Format})"), maxValue: Math.Max(1, files.TotalBytes));
                var info = await client.Datasets.UploadFilesAsync(files, name, label, new ProgressTaskReporter(task), cancellationToken).ConfigureAwait(false);
                task.Value = task.MaxValue;
                return info;
            }).ConfigureAwait(false);

        var handle = await client.Jobs.StartAsync(options.ToRequest(dataset.Id), cancellationToken).ConfigureAwait(false);
        if (settings.Json)
        {
            var finished = await handle.WaitForCompletionAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            CliJson.Write(Services.Json, new AutoTrainResult(dataset, finished, await handle.GetTrialsAsync(cancellationToken).ConfigureAwait(false)));
            return ExitCodes.Success;
        }

        Services.Out.MarkupLine($"Training on [bold]{Markup.Escape(dataset.Name)}[/] ({Markup.Escape(dataset.Id)}) as job [bold]{Markup.Escape(handle.Id)}[/].");
        await LiveJob.FollowAsync(Services, client, handle.Value, json: false, cancellationToken).ConfigureAwait(false);
        Services.Out.Write(JobView.Summary(await handle.UpdateStatusAsync(cancellationToken).ConfigureAwait(false)));
        Services.Out.WriteLine();
        return ExitCodes.Success;
    }
}
