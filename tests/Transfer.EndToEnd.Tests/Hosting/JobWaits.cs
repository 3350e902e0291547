using System.Net.Http.Json;
using Transfer.Contracts.Jobs;

namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>Waits for a job through the public API, failing with the job's state when it takes too long.</summary>
public static class JobWaits
{
    public static async Task<JobInfo> UntilAsync(HttpClient http, string jobId, Func<JobInfo, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JobInfo job;
        while (true)
        {
            job = (await http.GetFromJsonAsync<JobInfo>($"/api/jobs/{jobId}", Json.Options))!;
            if (done(job))
            {
                return job;
            }

            if (DateTime.UtcNow > deadline)
            {
                var trials = await http.GetStringAsync($"/api/jobs/{jobId}/trials");
                Assert.Fail($"Job {jobId} did not get there within {timeout}: {job}\n{trials}");
            }

            await Task.Delay(250);
        }
    }
}
