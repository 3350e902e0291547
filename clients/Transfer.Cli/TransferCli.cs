using Spectre.Console;
using Spectre.Console.Cli;
using Transfer.Cli.Commands.Datasets;
using Transfer.Cli.Commands.Jobs;
using Transfer.Cli.Commands.Training;
using Transfer.Cli.Commands.Trials;
using Transfer.Cli.Commands.Keys;
using Transfer.Cli.Commands.Knowledge;
using Transfer.Cli.Commands.Models;
using Transfer.Cli.Commands.Tenants;
using Transfer.Cli.Output;
using Transfer.Cli.Settings;

namespace Transfer.Cli;

/// <summary>The <c>transfer</c> command tree; <see cref="RunAsync"/> runs it in-process (Program and the tests alike).</summary>
public static class TransferCli
{
    public static CommandApp Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("transfer");
            config.ConfigureConsole(services.Out);
            config.Settings.Registrar.RegisterInstance(services);
            config.SetExceptionHandler((exception, _) =>
            {
                ErrorReport.Message(services.Error, exception.Message);
                return exception is CommandAppException ? ExitCodes.BadInput : ExitCodes.Failure;
            });

            config.AddBranch<DatasetsSettings>("datasets", datasets =>
            {
                datasets.SetDescription("Upload, list, show, download and delete datasets.");
                datasets.AddCommand<UploadDatasetCommand>("upload")
                    .WithDescription("Upload a CSV, an image zip or an IDX pair.")
                    .WithExample("datasets", "upload", "iris.csv", "--label", "species")
                    .WithExample("datasets", "upload", "--images", "train-images-idx3-ubyte.gz", "--labels", "train-labels-idx1-ubyte.gz");
                datasets.AddCommand<ListDatasetsCommand>("list").WithDescription("List the tenant's datasets.");
                datasets.AddCommand<ShowDatasetCommand>("show").WithDescription("Show one dataset's schema and files.");
                datasets.AddCommand<DownloadDatasetCommand>("download").WithDescription("Download stored parts, checked against their SHA-256.");
                datasets.AddCommand<DeleteDatasetCommand>("delete").WithDescription("Delete a dataset.");
            });
            config.AddCommand<TrainCommand>("train")
                .WithDescription("Upload a dataset, auto-train on it with a live trials table, and show the winner against the baseline.")
                .WithExample("train", "knowledge-base-seeds/datasets/fmnist-sandal-bag", "--trials", "6", "--epochs", "3");
            config.AddBranch<JobsSettings>("jobs", jobs =>
            {
                jobs.SetDescription("Plan, list, show, stop, extend, re-run and delete auto-training jobs.");
                jobs.AddCommand<ListJobsCommand>("list").WithDescription("List the tenant's jobs.");
                jobs.AddCommand<ShowJobCommand>("show").WithDescription("Show a job: status, best trial, baseline, test score.");
                jobs.AddCommand<JobTrialsCommand>("trials").WithDescription("Show a job's trials.");
                jobs.AddCommand<StopJobCommand>("stop").WithDescription("Stop a job and its running trials.");
                jobs.AddCommand<ExtendJobCommand>("extend").WithDescription("Add trials to a job.");
                jobs.AddCommand<PlanJobCommand>("plan")
                    .WithDescription("Show what a job on a dataset would do (benchmark model, baseline, warm start, search space) without starting it.")
                    .WithExample("jobs", "plan", "ds-1a2b3c4d5e6f", "--save-space", "space.json");
                jobs.AddCommand<RerunJobCommand>("rerun").WithDescription("Run a job's failed trials again.");
                jobs.AddCommand<DeleteJobCommand>("delete").WithDescription("Delete a job, its trials and its model (running trials are stopped).");
            });
            config.AddCommand<WatchJobCommand>("watch").WithDescription("Follow a job live (JSON lines of events with --json).");
            config.AddBranch<TrialsSettings>("trials", trials =>
            {
                trials.SetDescription("Steer a running trial.");
                trials.AddCommand<SteerTrialCommand>("stop").WithData("stop").WithDescription("Stop a trial.");
                trials.AddCommand<SteerTrialCommand>("pause").WithData("pause").WithDescription("Pause a trial.");
                trials.AddCommand<SteerTrialCommand>("resume").WithData("resume").WithDescription("Resume a paused trial.");
                trials.AddCommand<SetTrialValueCommand>("set").WithDescription("Change a solver value, e.g. base_lr=0.001.")
                    .WithExample("trials", "set", "job-1a2b3c4d5e6f", "2", "base_lr=0.001");
            });
            config.AddCommand<PredictCommand>("predict").WithDescription("Predict with a job's model.");
            config.AddBranch<ModelsSettings>("models", models =>
            {
                models.SetDescription("Jobs' registered models.");
                models.AddCommand<DownloadModelCommand>("download").WithDescription("Download a job's model to a file.");
            });
            config.AddCommand<ListWorkersCommand>("workers").WithDescription("Show each silo's CPU and memory.");
            config.AddBranch<TenantsSettings>("tenants", tenants =>
            {
                tenants.SetDescription("Manage tenants (admin key).");
                tenants.AddCommand<CreateTenantCommand>("create").WithDescription("Create a tenant.");
                tenants.AddCommand<ShowTenantCommand>("show").WithDescription("Show a tenant and its keys.");
            });
            config.AddBranch<KeysSettings>("keys", keys =>
            {
                keys.SetDescription("Issue and revoke API keys (admin key).");
                keys.AddCommand<CreateKeyCommand>("create").WithDescription("Issue a key for a tenant.");
                keys.AddCommand<RevokeKeyCommand>("revoke").WithDescription("Revoke a key.");
            });
            config.AddBranch<KnowledgeSettings>("kb", kb =>
            {
                kb.SetDescription("The knowledge base: seed it, see a dataset's meta-features, benchmark models (admin for seed and recluster).");
                kb.AddCommand<SeedKnowledgeCommand>("seed").WithDescription("Upload seed datasets, publish benchmark models, import histories (idempotent).")
                    .WithExample("kb", "seed", "knowledge-base-seeds");
                kb.AddCommand<ShowMetaFeaturesCommand>("features").WithDescription("Show a dataset's meta-features and group.");
                kb.AddCommand<ListBenchmarkModelsCommand>("models").WithDescription("List the benchmark models.");
                kb.AddCommand<PublishModelCommand>("publish-model").WithDescription("Publish a benchmark model from its folder for a group (idempotent).")
                    .WithExample("kb", "publish-model", "knowledge-base-seeds/benchmark-models/cnn-fmnist-clothing6", "--id", "cnn-fmnist-clothing6-footwear", "--group-of", "fmnist-shoes-a", "--wait");
                kb.AddCommand<TrainGroupModelCommand>("train-model").WithDescription("Train a group's benchmark model on its virtual dataset and publish it.")
                    .WithExample("kb", "train-model", "g1", "--model", "cnn-fmnist-footwear");
                kb.AddCommand<ReclusterCommand>("recluster").WithDescription("Re-cluster the knowledge base in the background.");
            });
            config.AddCommand<GroupsCommand>("groups").WithDescription("List the virtual dataset groups.");
            config.AddCommand<RecommendCommand>("recommend").WithDescription("Recommended configurations for a dataset, with provenance.");
        });
        return app;
    }

    public static Task<int> RunAsync(IEnumerable<string> args, CliServices services, CancellationToken cancellationToken = default) =>
        Create(services).RunAsync(args, cancellationToken);
}
