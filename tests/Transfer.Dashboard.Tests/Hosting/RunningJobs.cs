using System.Net.Http.Json;
using Transfer.Contracts.Jobs;
using Transfer.EndToEnd.Tests.Hosting;

namespace Transfer.Dashboard.Tests.Hosting;

/// <summary>Starts real jobs through the API on a small seed dataset, and stops them when a test is done with them.</summary>
public static class RunningJobs
{
    /// <summary>One trial of up to 30 epochs on the sandal/bag images: it trains long enough to be watched and stopped.</summary>
    public static Task<JobInfo> StartLongAsync(HttpClient http, int seed) => StartAsync(http, seed, trials: 1, maxEpochs: 30);

    /// <summary>Three trials of one epoch on the sandal/bag images, waited for until the job has finished.</summary>
    public static async Task<JobInfo> FinishShortAsync(HttpClient http, int seed)
    {
        var job = await StartAsync(http, seed, trials: 3, maxEpochs: 1);
        return await JobWaits.UntilAsync(http, job.Id, j => j.Status != JobStatus.Running, TimeSpan.FromMinutes(5));
    }

    private static async Task<JobInfo> StartAsync(HttpClient http, int seed, int trials, int maxEpochs)
    {
        var folder = RepositoryPaths.SeedDataset("fmnist-sandal-bag");
        using var form = Uploads.Idx(
            await File.ReadAllBytesAsync(Path.Combine(folder, "images-idx3-ubyte.gz")),
            await File.ReadAllBytesAsync(Path.Combine(folder, "labels-idx1-ubyte.gz")));
        var upload = await http.PostAsync("/api/datasets", form);
        upload.EnsureSuccessStatusCode();
        var dataset = (await upload.Content.ReadFromJsonAsync<Transfer.Contracts.Datasets.DatasetInfo>(Json.Options))!;
        var created = await http.PostAsJsonAsync("/api/jobs", new CreateJobRequest(dataset.Id, Budget: new JobBudget(Trials: trials), MaxEpochs: maxEpochs, Seed: seed), Json.Options);
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JobInfo>(Json.Options))!;
    }

    /// <summary>Stops the job and waits until its trials have stopped, so the next test has the cores to itself.</summary>
    public static async Task StopAsync(HttpClient http, string jobId)
    {
        (await http.PostAsync($"/api/jobs/{jobId}/stop", null)).EnsureSuccessStatusCode();
        await JobWaits.UntilAsync(http, jobId, j => j.Status != JobStatus.Running && j.TrialsFinished == j.TrialsStarted, TimeSpan.FromMinutes(2));
    }

    public static async Task<TrialInfo[]> TrialsAsync(HttpClient http, string jobId) =>
        (await http.GetFromJsonAsync<TrialInfo[]>($"/api/jobs/{jobId}/trials", Json.Options))!;
}
