using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Search;
using Transfer.EndToEnd.Tests.Hosting;

namespace Transfer.EndToEnd.Tests;

[Collection(HostCollection.Name)]
public sealed class JobTests(TransferHostFixture host)
{
    [Fact]
    public async Task ASmallJobOnRealImagesRunsToCompletionAndItsModelPredicts()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var dataset = await UploadIdxAsync(http, "fmnist-sandal-bag");

        // 480 non-test images: k-fold. A refit model (the next test has the default, the fold ensemble) trains on all of
        // them when the trial completes; a pruned trial keeps its best fold's model (4 of 5 folds). No ensemble of trials:
        // the registered model is the best trial's.
        var created = await http.PostAsJsonAsync("/api/jobs", new CreateJobRequest(dataset.Id, Budget: new JobBudget(Trials: 3), MaxEpochs: 2, Seed: 7, Validation: new JobValidation(FoldModel: JobValidation.Refit), EnsembleSize: 0), Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var job = (await created.Content.ReadFromJsonAsync<JobInfo>(Json.Options))!;

        job = await JobWaits.UntilAsync(http, job.Id, j => j.Status != JobStatus.Running, TimeSpan.FromMinutes(4));
        var trials = (await http.GetFromJsonAsync<TrialInfo[]>($"/api/jobs/{job.Id}/trials", Json.Options))!;

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(3, trials.Length);
        Assert.True(trials[0].IsBaseline);
        Assert.All(trials, t => Assert.NotEmpty(t.Curve));
        Assert.All(trials, t => Assert.Contains(t.Status, new[] { TrialStatus.Completed, TrialStatus.Pruned }));
        Assert.All(trials, t => Assert.Equal(t.Status == TrialStatus.Completed ? 480 : 384, t.ModelTrainExamples));
        Assert.All(trials, t => Assert.Equal(1, t.ModelMembers));
        Assert.Contains(trials, t => t.Status == TrialStatus.Completed);
        Assert.NotNull(job.BaselineScore);
        Assert.True(job.BestScore >= job.BaselineScore);
        Assert.True(job.BestScore > 0.8, $"two easy classes should be learnt: {job.BestScore}");
        Assert.NotNull(job.TestScore);
        Assert.Equal(job.Id, job.ModelId);
        Assert.Null(job.Report!.Ensemble);
        Assert.Equal((job.BestTrial, job.TestScore), (job.Report.Best!.Trial, job.Report.Best.TestScore));

        var folder = RepositoryPaths.SeedDataset("fmnist-sandal-bag");
        var predict = await http.PostAsync($"/api/models/{job.ModelId}/predict", Uploads.Idx(
            await File.ReadAllBytesAsync(Path.Combine(folder, "images-idx3-ubyte.gz")),
            await File.ReadAllBytesAsync(Path.Combine(folder, "labels-idx1-ubyte.gz"))));
        Assert.Equal(HttpStatusCode.OK, predict.StatusCode);
        var result = (await predict.Content.ReadFromJsonAsync<PredictionResult>(Json.Options))!;
        Assert.Equal(600, result.Predictions.Count);
        Assert.All(result.Predictions, p => Assert.Equal(1.0, p.Probabilities.Sum(), 3));
        var labels = dataset.Schema.Classes.Select(c => c.Name).ToArray();
        var correct = result.Predictions.Select((p, i) => p.Class == labels[i < 300 ? 0 : 1]).Count(c => c);
        Assert.True(correct > 0, "sanity: predictions are classes of the dataset");
        var bestTrial = await http.PostAsync($"/api/jobs/{job.Id}/trials/{job.BestTrial}/predict", Uploads.Idx(
            await File.ReadAllBytesAsync(Path.Combine(folder, "images-idx3-ubyte.gz")),
            await File.ReadAllBytesAsync(Path.Combine(folder, "labels-idx1-ubyte.gz"))));
        Assert.Equal(result.Predictions.Select(p => p.Probabilities), (await bestTrial.Content.ReadFromJsonAsync<PredictionResult>(Json.Options))!.Predictions.Select(p => p.Probabilities));
    }

    [Fact]
    public async Task ASmallDatasetJobScoresByKFoldAndReportsTheWinnerOnTheHeldOutTestSplit()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var dataset = await UploadIdxAsync(http, "fmnist-sandal-bag"); // 600 images: 480 outside the test split, below the 2,000 threshold

        var request = new CreateJobRequest(dataset.Id, Budget: new JobBudget(Trials: 3), MaxEpochs: 1, Seed: 11, ScratchReference: true);
        var created = await http.PostAsJsonAsync("/api/jobs", request, Json.Options);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var job = (await created.Content.ReadFromJsonAsync<JobInfo>(Json.Options))!;
        job = await JobWaits.UntilAsync(http, job.Id, j => j.Status != JobStatus.Running, TimeSpan.FromMinutes(4));
        var trials = (await http.GetFromJsonAsync<TrialInfo[]>($"/api/jobs/{job.Id}/trials", Json.Options))!;

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.All(trials, t => Assert.Equal(5, t.Folds));
        Assert.All(trials, t => Assert.NotNull(t.ScoreStd));
        Assert.All(trials, t => Assert.InRange(t.TestScore!.Value, 0, 1));
        Assert.All(trials.Where(t => t.Status != TrialStatus.Failed), t => Assert.InRange(t.ModelMembers!.Value, 1, 5)); // the fold ensemble
        Assert.All(trials.Where(t => t.ModelMembers > 1), t => Assert.Equal(480, t.ModelTrainExamples)); // two folds' models between them saw every non-test image
        Assert.Contains(trials, t => t.ModelMembers > 1);
        Assert.True(trials[0].IsBaseline);
        Assert.False(trials[1].IsScratch);
        Assert.True(trials[2].IsScratch); // the reference takes the last trial of the budget
        Assert.Equal(0, trials[2].Configuration["frozen_blocks"].Number);
        var report = Assert.IsType<JobReport>(job.Report);
        Assert.Equal(5, report.Folds);
        Assert.NotEqual(2, report.Best!.Trial);
        Assert.Equal((job.BestTrial, job.BestScore), (report.Best.Trial, report.Best.Score));
        Assert.Equal((0, trials[0].Score, trials[0].ScoreStd), (report.Baseline!.Trial, report.Baseline.Score, report.Baseline.ScoreStd));
        Assert.Equal((2, trials[2].TestScore), (report.Scratch!.Trial, report.Scratch.TestScore));
        Assert.True(job.TestScore > 0.8, $"two easy classes should be learnt: test {job.TestScore}; trials (validation ± std / test): {string.Join("; ", trials.Select(t => $"{t.Number} {t.Status} {t.Score:0.###} ± {t.ScoreStd:0.###} / {t.TestScore:0.###}"))}");

        // Every finished trial's model predicts, not only the registered one (the best trial's): the baseline's and the
        // from-scratch reference's too, so a user can compare them on data of their own.
        var folder = RepositoryPaths.SeedDataset("fmnist-sandal-bag");
        var images = await File.ReadAllBytesAsync(Path.Combine(folder, "images-idx3-ubyte.gz"));
        var labels = await File.ReadAllBytesAsync(Path.Combine(folder, "labels-idx1-ubyte.gz"));
        async Task<PredictionResult> PredictAsync(string route)
        {
            var response = await http.PostAsync(route, Uploads.Idx(images, labels));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<PredictionResult>(Json.Options))!;
        }

        // The registered model is the job's ensemble of its completed trials (by default): chosen from every completed
        // trial but the scratch reference (each saved its held-out predictions), its weights summing to 1, and it predicts
        // the weighted mean of its members' predictions.
        var ensemble = Assert.IsType<JobEnsemble>(report.Ensemble);
        int[] completed = [.. trials.Where(t => t.Status == TrialStatus.Completed && !t.IsScratch).Select(t => t.Number)];
        Assert.Equal(completed.Length, ensemble.Candidates);
        Assert.All(ensemble.Members, m => Assert.Contains(m.Trial, completed));
        Assert.Equal(1.0, ensemble.Members.Sum(m => m.Weight), 9);
        Assert.Equal(job.TestScore, ensemble.TestScore);
        Assert.InRange(ensemble.Score!.Value, 0, 1);
        var registered = await PredictAsync($"/api/models/{job.ModelId}/predict");
        var members = new List<(PredictionResult Result, double Weight)>();
        foreach (var member in ensemble.Members)
        {
            members.Add((await PredictAsync($"/api/jobs/{job.Id}/trials/{member.Trial}/predict"), member.Weight));
        }

        for (var i = 0; i < registered.Predictions.Count; i++)
        {
            for (var c = 0; c < registered.Classes.Count; c++)
            {
                // Within float precision (a tolerance, not rounding to 4 places: 0.870049984 and 0.870050013 round apart).
                Assert.Equal(members.Sum(m => m.Weight * m.Result.Predictions[i].Probabilities[c]), registered.Predictions[i].Probabilities[c], 1e-5);
            }
        }

        var scratch = await PredictAsync($"/api/jobs/{job.Id}/trials/2/predict");
        Assert.Equal(600, scratch.Predictions.Count);
        Assert.NotEqual(registered.Predictions.Select(p => p.Probabilities), scratch.Predictions.Select(p => p.Probabilities));
        await Problems.AssertProblemAsync(await http.PostAsync($"/api/jobs/{job.Id}/trials/9/predict", Uploads.Idx(images, labels)), HttpStatusCode.NotFound, "no-trial-model");
        var (_, other) = await Tenants.NewAsync(host);
        using var otherHttp = host.CreateHttpClient(other.Key);
        await Problems.AssertProblemAsync(await otherHttp.PostAsync($"/api/jobs/{job.Id}/trials/0/predict", Uploads.Idx(images, labels)), HttpStatusCode.NotFound, "not-found");

        var bad = await http.PostAsJsonAsync("/api/jobs", request with { Validation = new JobValidation("kfold", Folds: 1) }, Json.Options);
        await Problems.AssertProblemAsync(bad, HttpStatusCode.BadRequest, "bad-validation");
        bad = await http.PostAsJsonAsync("/api/jobs", request with { Validation = new JobValidation(FoldModel: "bagging") }, Json.Options);
        await Problems.AssertProblemAsync(bad, HttpStatusCode.BadRequest, "bad-validation");
        bad = await http.PostAsJsonAsync("/api/jobs", request with { EnsembleSize = CreateJobRequest.MaxEnsembleSize + 1 }, Json.Options);
        await Problems.AssertProblemAsync(bad, HttpStatusCode.BadRequest, "bad-ensemble");
    }

    [Fact]
    public async Task StoppingAJobStopsItsTrials()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var dataset = await UploadIdxAsync(http, "fmnist-shoes-a");
        var created = await http.PostAsJsonAsync("/api/jobs", new CreateJobRequest(dataset.Id, Budget: new JobBudget(Trials: 20), MaxEpochs: 50, Seed: 1), Json.Options);
        var job = (await created.Content.ReadFromJsonAsync<JobInfo>(Json.Options))!;
        await JobWaits.UntilAsync(http, job.Id, _ => true, TimeSpan.FromSeconds(1));
        var trials = await WaitForTrialsAsync(http, job.Id, t => t.Length > 0 && t[0].Curve.Count > 0, "no trial reported");
        Assert.NotEmpty(trials[0].Curve);

        var stopped = await http.PostAsync($"/api/jobs/{job.Id}/stop", null);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);

        job = await JobWaits.UntilAsync(http, job.Id, j => j.Status == JobStatus.Stopped && j.TrialsFinished == j.TrialsStarted, TimeSpan.FromMinutes(1));
        trials = (await http.GetFromJsonAsync<TrialInfo[]>($"/api/jobs/{job.Id}/trials", Json.Options))!;
        Assert.True(job.TrialsStarted < 20);
        Assert.All(trials, t => Assert.Contains(t.Status, new[] { TrialStatus.Stopped, TrialStatus.Pruned, TrialStatus.Completed }));
        Assert.Contains(trials, t => t.StopReason == "the job was stopped");
        Assert.All(trials.Where(t => t.Curve.Count > 0), t => Assert.True(t.Curve[^1].Epoch < 50));
    }

    [Fact]
    public async Task StoppingAJobAsItsFoldsFinishStopsTheRefitAndKeepsTheBestFoldsModel()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var dataset = await UploadIdxAsync(http, "fmnist-sandal-bag");
        // One trial (the baseline), two folds of 240 images each, then a refit on all 480 non-test images. The stop goes in
        // as soon as the folds' last report is in: it lands while the folds finish or the refit is being set up, before
        // the refit's trainer exists, and must still stop it (it used to miss it, and the refit ran to the end).
        const int epochs = 8;
        var created = await http.PostAsJsonAsync("/api/jobs", new CreateJobRequest(dataset.Id, Budget: new JobBudget(Trials: 1), MaxEpochs: epochs, Seed: 5, Validation: new JobValidation(JobValidation.KFold, Folds: 2, FoldModel: JobValidation.Refit), EnsembleSize: 0), Json.Options);
        var job = (await created.Content.ReadFromJsonAsync<JobInfo>(Json.Options))!;
        var trials = await WaitForTrialsAsync(http, job.Id, t => t is [{ Curve: [.., { Epoch: >= epochs }] }], "the folds did not finish");
        Assert.Equal(TrialStatus.Running, trials[0].Status);

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/jobs/{job.Id}/stop", null)).StatusCode);

        job = await JobWaits.UntilAsync(http, job.Id, j => j.Status == JobStatus.Stopped && j.TrialsFinished == j.TrialsStarted, TimeSpan.FromMinutes(2));
        var trial = Assert.Single((await http.GetFromJsonAsync<TrialInfo[]>($"/api/jobs/{job.Id}/trials", Json.Options))!);
        // The folds completed and scored the trial; the refit was cut short, so its model is the best fold's (240
        // training images), not a model of all 480.
        Assert.Equal(TrialStatus.Completed, trial.Status);
        Assert.Equal((1, 240), (trial.ModelMembers, trial.ModelTrainExamples));
        Assert.NotNull(trial.TestScore);
        var folder = RepositoryPaths.SeedDataset("fmnist-sandal-bag");
        var predict = await http.PostAsync($"/api/jobs/{job.Id}/trials/0/predict", Uploads.Idx(
            await File.ReadAllBytesAsync(Path.Combine(folder, "images-idx3-ubyte.gz")),
            await File.ReadAllBytesAsync(Path.Combine(folder, "labels-idx1-ubyte.gz"))));
        Assert.Equal(HttpStatusCode.OK, predict.StatusCode);
    }

    [Fact]
    public async Task ADeviceHoursBudgetStopsNewTrialsOnceTheTrialsHaveHeldDevicesThatLong()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var dataset = await UploadIdxAsync(http, "fmnist-sandal-bag");

        // Two device-seconds: the baseline alone (5 folds, an epoch each) holds its device longer than that.
        var budget = new JobBudget(Trials: 20, DeviceHours: 2 / 3600.0);
        var created = await http.PostAsJsonAsync("/api/jobs", new CreateJobRequest(dataset.Id, Budget: budget, MaxEpochs: 1, Seed: 2, EnsembleSize: 0), Json.Options);
        var job = await JobWaits.UntilAsync(http, (await created.Content.ReadFromJsonAsync<JobInfo>(Json.Options))!.Id, j => j.Status != JobStatus.Running, TimeSpan.FromMinutes(3));

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(budget, job.Request.Budget);
        Assert.Equal(1, job.TrialsStarted);
        Assert.True(job.DeviceHoursUsed * 3600 >= 2, $"{job.DeviceHoursUsed * 3600:F1} device-seconds");
        var trial = Assert.Single((await http.GetFromJsonAsync<TrialInfo[]>($"/api/jobs/{job.Id}/trials", Json.Options))!);
        Assert.InRange(job.DeviceHoursUsed * 3600, (trial.FinishedAt - trial.StartedAt)!.Value.TotalSeconds, 600);

        // Extending by a trial runs exactly one more (not up to the 20 the request allowed): the device-time limit is lifted.
        var extended = (await (await http.PostAsJsonAsync($"/api/jobs/{job.Id}/extend", new { additionalTrials = 1 }, Json.Options)).Content.ReadFromJsonAsync<JobInfo>(Json.Options))!;
        Assert.Equal(2, extended.TrialsStarted);
        Assert.Equal(new JobBudget(Trials: 2), extended.Request.Budget);
        var twice = await JobWaits.UntilAsync(http, job.Id, j => j.Status != JobStatus.Running, TimeSpan.FromMinutes(3));
        Assert.Equal((JobStatus.Completed, 2), (twice.Status, twice.TrialsStarted));

        // Extending by device time alone: no trial cap, and new trials stop once one more device-second is spent.
        var used = twice.DeviceHoursUsed;
        var timed = (await (await http.PostAsJsonAsync($"/api/jobs/{job.Id}/extend", new ExtendJobRequest(DeviceHours: 1 / 3600.0), Json.Options)).Content.ReadFromJsonAsync<JobInfo>(Json.Options))!;
        Assert.Null(timed.Request.Budget!.Trials);
        Assert.Equal(used + (1 / 3600.0), timed.Request.Budget.DeviceHours!.Value, 9);
        var thrice = await JobWaits.UntilAsync(http, job.Id, j => j.Status != JobStatus.Running, TimeSpan.FromMinutes(3));
        Assert.Equal((JobStatus.Completed, 3), (thrice.Status, thrice.TrialsStarted));
        await Problems.AssertProblemAsync(await http.PostAsJsonAsync($"/api/jobs/{job.Id}/extend", new ExtendJobRequest(), Json.Options), HttpStatusCode.BadRequest, "bad-budget", "additionalTrials");
        await Problems.AssertProblemAsync(await http.PostAsJsonAsync($"/api/jobs/{job.Id}/extend", new ExtendJobRequest(WallTimeSeconds: -5), Json.Options), HttpStatusCode.BadRequest, "bad-budget");

        // With no budget a job gets the default ten trials, not an endless search; a loss objective is minimised.
        var unbounded = await http.PostAsJsonAsync("/api/jobs", new CreateJobRequest(dataset.Id, Objective: new JobObjective(JobObjective.Loss), MaxEpochs: 1, Seed: 2), Json.Options);
        var body = await unbounded.Content.ReadAsStringAsync();
        var defaulted = JsonSerializer.Deserialize<JobInfo>(body, Json.Options)!;
        Assert.Equal(new JobBudget(Trials: JobBudget.DefaultTrials), defaulted.Request.Budget);
        Assert.Equal(new JobObjective(JobObjective.Loss, Maximize: false), defaulted.Request.Objective);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/jobs/{defaulted.Id}/stop", null)).StatusCode);

        // The request a job shows is one the API takes back as it is (nothing in it is refused as unknown).
        var request = JsonDocument.Parse(body).RootElement.GetProperty("request").GetRawText();
        var again = (await (await http.PostAsync("/api/jobs", new StringContent(request, System.Text.Encoding.UTF8, "application/json"))).Content.ReadFromJsonAsync<JobInfo>(Json.Options))!;
        Assert.Equal(defaulted.Request, again.Request);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/jobs/{again.Id}/stop", null)).StatusCode);
    }

    [Fact]
    public async Task AJobOnAnUnknownDatasetGets404AndABadBudget400()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        await Problems.AssertProblemAsync(await http.PostAsJsonAsync("/api/jobs", new CreateJobRequest("ds-000000000000"), Json.Options), HttpStatusCode.NotFound, "not-found");
        await Problems.AssertProblemAsync(await http.PostAsJsonAsync("/api/jobs", new CreateJobRequest("ds-x", Budget: new JobBudget(Trials: 0)), Json.Options), HttpStatusCode.BadRequest, "bad-budget");
        await Problems.AssertProblemAsync(await http.PostAsJsonAsync("/api/jobs", new CreateJobRequest("ds-x", Budget: new JobBudget(DeviceHours: 0)), Json.Options), HttpStatusCode.BadRequest, "bad-budget", "deviceHours");
        await Problems.AssertProblemAsync(await http.PostAsJsonAsync("/api/jobs", new CreateJobRequest("ds-x", Budget: new JobBudget(WallTimeSeconds: -1)), Json.Options), HttpStatusCode.BadRequest, "bad-budget", "wallTimeSeconds");
        await Problems.AssertProblemAsync(await http.PostAsJsonAsync("/api/jobs", new CreateJobRequest("ds-x", Sampler: new Transfer.Contracts.Search.SamplerDefinition("magic", 0)), Json.Options), HttpStatusCode.BadRequest, "bad-sampler");

        // A body that is not JSON, or JSON of the wrong shape, says where (it was a bare 400 with no detail).
        await Problems.AssertProblemAsync(await http.PostAsync("/api/jobs", new StringContent("{", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "bad-json", "line 1");
        await Problems.AssertProblemAsync(await http.PostAsync("/api/jobs", new StringContent("""{"datasetId": 5}""", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "bad-json", "$.datasetId");
        await Problems.AssertProblemAsync(await http.PostAsync("/api/jobs", new StringContent("""{"datasetId": "ds-x", "budget": {"trials": "many"}}""", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "bad-json", "$.budget.trials");

        // A misspelt or unknown property is refused: ignored, 'trial' would have run the default ten trials, and Optuna's
        // 'direction' the default direction.
        await Problems.AssertProblemAsync(await http.PostAsync("/api/jobs", new StringContent("""{"datasetId": "ds-x", "budget": {"trial": 3}}""", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "bad-json", "'trial' is not a property of JobBudget");
        await Problems.AssertProblemAsync(await http.PostAsync("/api/jobs", new StringContent("""{"datasetId": "ds-x", "objective": {"metric": "loss", "direction": "minimize"}}""", System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "bad-json", "'direction' is not a property of JobObjective");

        // A direction against the metric would pick the worst model.
        await Problems.AssertProblemAsync(await http.PostAsJsonAsync("/api/jobs", new CreateJobRequest("ds-x", Objective: new JobObjective(JobObjective.Loss, Maximize: true)), Json.Options), HttpStatusCode.BadRequest, "bad-objective", "loss is minimised");
        await Problems.AssertProblemAsync(await http.PostAsJsonAsync("/api/jobs", new CreateJobRequest("ds-x", Objective: new JobObjective(JobObjective.Accuracy, Maximize: false)), Json.Options), HttpStatusCode.BadRequest, "bad-objective", "accuracy is maximised");
    }

    [Fact]
    public async Task APlanShowsWhatAJobWouldRunWithoutStartingOne()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var dataset = await UploadIdxAsync(http, "fmnist-sandal-bag");

        var response = await http.PostAsJsonAsync("/api/jobs/plan", new CreateJobRequest(dataset.Id, MaxEpochs: 3), Json.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = (await response.Content.ReadFromJsonAsync<JobPlanInfo>(Json.Options))!;
        Assert.Equal(new JobBudget(Trials: JobBudget.DefaultTrials), plan.Request.Budget);
        Assert.Contains(plan.Space.Parameters, p => p.Name == "head" && p.Kind == ParameterKind.Architecture);
        Assert.Contains(plan.Space.Parameters, p => p.Name == "base_lr");
        Assert.NotEmpty(plan.BaselineConfiguration);
        Assert.All(plan.BaselineConfiguration.Keys, name => Assert.Contains(plan.Space.Parameters, p => p.Name == name));
        Assert.Equal(5, plan.Folds); // 600 examples are scored by k-fold
        Assert.Empty((await http.GetFromJsonAsync<Page<JobInfo>>("/api/jobs", Json.Options))!.Items);

        // The space it shows is one a job takes back as it is; a start's problems are the plan's.
        var again = (await (await http.PostAsJsonAsync("/api/jobs/plan", new CreateJobRequest(dataset.Id, Space: plan.Space, MaxEpochs: 3), Json.Options)).Content.ReadFromJsonAsync<JobPlanInfo>(Json.Options))!;
        Assert.Equal(JsonSerializer.Serialize(plan.Space, Json.Options), JsonSerializer.Serialize(again.Space, Json.Options));
        await Problems.AssertProblemAsync(await http.PostAsJsonAsync("/api/jobs/plan", new CreateJobRequest(dataset.Id, Space: new SearchSpaceDefinition([])), Json.Options), HttpStatusCode.BadRequest, "bad-search-space");
        await Problems.AssertProblemAsync(await http.PostAsJsonAsync("/api/jobs/plan", new CreateJobRequest("ds-000000000000"), Json.Options), HttpStatusCode.NotFound, "not-found");
        Assert.Empty((await http.GetFromJsonAsync<Page<JobInfo>>("/api/jobs", Json.Options))!.Items);
    }

    [Fact]
    public async Task ASamplerWarmStartTheSamplerCannotTakeGets400AndNoJob()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var dataset = await UploadIdxAsync(http, "fmnist-sandal-bag");
        var prior = new PriorObservation(new Dictionary<string, ParameterValue> { ["base_lr"] = ParameterValue.Of(0.01) }, Value: 2);
        var sampler = new SamplerDefinition("tpe", 1, WarmStart: new WarmStartDefinition([prior], Scale: PriorScale.Quantile));

        await Problems.AssertProblemAsync(
            await http.PostAsJsonAsync("/api/jobs", new CreateJobRequest(dataset.Id, Sampler: sampler), Json.Options), HttpStatusCode.BadRequest, "bad-sampler", "[0, 1]");

        var jobs = (await http.GetFromJsonAsync<Page<JobInfo>>("/api/jobs", Json.Options))!;
        Assert.Empty(jobs.Items);
    }

    /// <summary>Polls the job's trials until <paramref name="done"/> holds, failing with <paramref name="what"/> after 3 minutes.</summary>
    private static async Task<TrialInfo[]> WaitForTrialsAsync(HttpClient http, string jobId, Func<TrialInfo[], bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var trials = (await http.GetFromJsonAsync<TrialInfo[]>($"/api/jobs/{jobId}/trials", Json.Options))!;
            if (done(trials))
            {
                return trials;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{jobId}: {what} within 3 minutes");
            await Task.Delay(100);
        }
    }

    internal static async Task<DatasetInfo> UploadIdxAsync(HttpClient http, string seed)
    {
        var folder = RepositoryPaths.SeedDataset(seed);
        var response = await http.PostAsync("/api/datasets", Uploads.Idx(
            await File.ReadAllBytesAsync(Path.Combine(folder, "images-idx3-ubyte.gz")),
            await File.ReadAllBytesAsync(Path.Combine(folder, "labels-idx1-ubyte.gz"))));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<DatasetInfo>(Json.Options))!;
    }
}
