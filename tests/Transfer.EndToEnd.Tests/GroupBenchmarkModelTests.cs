using System.Net;
using System.Net.Http.Json;
using Transfer.Cli;
using Transfer.Client;
using Transfer.Client.Problems;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Knowledge;
using Transfer.EndToEnd.Tests.Hosting;

namespace Transfer.EndToEnd.Tests;

/// <summary>
/// An admin asks for a group's benchmark model: the host combines the group's image datasets (label spaces apart), trains
/// on the worker silo, and publishes the model for the group; the virtual dataset stays out of the knowledge base.
/// </summary>
[Collection(GroupModelHostCollection.Name)]
public sealed class GroupBenchmarkModelTests(GroupModelHostFixture host)
{
    [Fact]
    public async Task AFootwearGroupsVirtualDatasetTrainsAModelThatThenServesTheGroup()
    {
        using var admin = Client(host.AdminKey);
        var (_, userKey) = await Tenants.NewAsync(host);
        using var user = Client(userKey.Key);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "fmnist-shoes-a", "fmnist-shoes-bags", "fmnist-tops-a", "fmnist-tops-b" })
        {
            ids[name] = (await admin.Datasets.UploadFileAsync(RepositoryPaths.SeedDataset(name))).Id;
        }

        ids["user-sandal-bag"] = (await user.Datasets.UploadFileAsync(RepositoryPaths.SeedDataset("fmnist-sandal-bag"))).Id;
        ids["iris"] = (await admin.Datasets.UploadFileAsync(Path.Combine(RepositoryPaths.SeedDataset("iris"), "data.csv"), labelColumn: "label")).Id;
        ids["wine"] = (await admin.Datasets.UploadFileAsync(Path.Combine(RepositoryPaths.SeedDataset("wine"), "data.csv"), labelColumn: "label")).Id;
        foreach (var (name, id) in ids)
        {
            await Waits.UntilAsync(() => (name == "user-sandal-bag" ? user : admin).Knowledge.GetMetaFeaturesAsync(id), k => k.Status == DatasetKnowledgeStatus.Ready, $"meta-features of {name}");
        }

        var asked = DateTimeOffset.UtcNow;
        await admin.Knowledge.RequestReclusterAsync();
        var groups = await Waits.UntilAsync(() => admin.Knowledge.GetGroupsAsync(), g => g.ClusteredAt >= asked, "a re-clustering");
        var footwear = (await admin.Knowledge.GetMetaFeaturesAsync(ids["fmnist-shoes-a"])).Group!.GroupId;
        var tabular = (await admin.Knowledge.GetMetaFeaturesAsync(ids["iris"])).Group!.GroupId;
        Assert.Null(groups.Groups.Single(g => g.Id == footwear).BenchmarkModelId);

        var started = await admin.Knowledge.TrainGroupBenchmarkModelAsync(footwear, new GroupBenchmarkRequest("cnn-footwear-e2e", Epochs: 1, Seed: 3));
        var done = await admin.Knowledge.WaitForGroupBenchmarkTrainingAsync(started.ModelId, TimeSpan.FromMilliseconds(500));

        Assert.True(done.Status == GroupBenchmarkStatus.Published, done.Error);
        Assert.Contains($"{host.AdminTenant}/{ids["fmnist-shoes-a"]}", done.Members);
        Assert.All(done.Members, m => Assert.StartsWith(host.AdminTenant + "/", m, StringComparison.Ordinal));
        Assert.All(done.Skipped, s => Assert.Contains("another tenant's data", s, StringComparison.Ordinal));
        Assert.InRange(done.ValidationAccuracy!.Value, 0.3, 1);
        var virtualSet = await admin.Datasets.GetAsync(done.DatasetId);
        Assert.Equal(done.Members.Count * 3, virtualSet.Schema.Classes.Count); // every member has 3 classes, kept apart
        var model = (await admin.Knowledge.ListBenchmarkModelsAsync()).Single(m => m.Id == "cnn-footwear-e2e");
        Assert.Equal(footwear, model.Group);
        Assert.Equal(done.DatasetId, model.SourceDataset);
        Assert.Equal("cnn-footwear-e2e", (await admin.Knowledge.GetGroupsAsync()).Groups.Single(g => g.Id == footwear).BenchmarkModelId);
        Assert.Equal(DatasetKnowledgeStatus.Pending, (await admin.Knowledge.GetMetaFeaturesAsync(done.DatasetId)).Status);

        // A job on a footwear dataset would fine-tune it, with the baseline's backbone frozen; a table's trains from scratch.
        var shoes = await admin.Jobs.PlanAsync(new CreateJobRequest(ids["fmnist-shoes-a"]));
        Assert.Equal(("cnn-footwear-e2e", footwear), (shoes.BenchmarkModelId, shoes.Group));
        Assert.True(shoes.BaselineConfiguration["frozen_blocks"].Number > 0);
        var table = await admin.Jobs.PlanAsync(new CreateJobRequest(ids["iris"]));
        Assert.Equal((null, tabular), (table.BenchmarkModelId, table.Group));
        Assert.Equal(0, table.BaselineConfiguration["frozen_blocks"].Number);

        // An admin's CLI publishes a model from its folder (the seed's clothing CNN) for the group of a dataset it names;
        // run again, it leaves the published model as it is. A model serves one group; the group may have several.
        var home = Directory.CreateTempSubdirectory("transfer-e2e-home-").FullName;
        var clothing = Path.Combine(RepositoryPaths.Root, "knowledge-base-seeds", "benchmark-models", "cnn-fmnist-clothing6");
        string[] publish = ["kb", "publish-model", clothing, "--id", "cnn-clothing-e2e", "--group-of", "fmnist-shoes-a"];
        var published = InProcessCli.Ok(await InProcessCli.RunAsync(host.Factory.CreateClient, host.AdminKey, home, publish), publish);
        Assert.Contains($"Published cnn-clothing-e2e (", published, StringComparison.Ordinal);
        Assert.Contains($"for group {footwear}.", published, StringComparison.Ordinal);
        var clothingModel = (await admin.Knowledge.ListBenchmarkModelsAsync()).Single(m => m.Id == "cnn-clothing-e2e");
        Assert.Equal((footwear, (string?)null), (clothingModel.Group, clothingModel.SourceDataset));
        Assert.StartsWith("Already published: cnn-clothing-e2e (group " + footwear, InProcessCli.Ok(await InProcessCli.RunAsync(host.Factory.CreateClient, host.AdminKey, home, publish), publish), StringComparison.Ordinal);
        var nowhere = await InProcessCli.RunAsync(host.Factory.CreateClient, host.AdminKey, home, "kb", "publish-model", clothing, "--id", "cnn-x-e2e", "--group-of", "no-such-dataset");
        Assert.Equal(ExitCodes.BadInput, nowhere.ExitCode);
        Assert.Contains("No dataset 'no-such-dataset'", nowhere.Error, StringComparison.Ordinal);
        var asUser = await InProcessCli.RunAsync(host.Factory.CreateClient, userKey.Key, home, "kb", "publish-model", clothing, "--id", "cnn-y-e2e", "--group", footwear);
        Assert.Equal(ExitCodes.BadInput, asUser.ExitCode);
        Assert.Contains("HTTP 403", asUser.Error, StringComparison.Ordinal);

        // What it refuses, and to whom.
        using var http = host.CreateHttpClient(host.AdminKey);
        using var userHttp = host.CreateHttpClient(userKey.Key);
        await AssertProblemAsync(http, $"/api/admin/groups/{footwear}/benchmark-model", new GroupBenchmarkRequest("cnn-footwear-e2e", 1), HttpStatusCode.Conflict, "model-exists");
        await AssertProblemAsync(http, $"/api/admin/groups/{tabular}/benchmark-model", new GroupBenchmarkRequest("mlp-tables", 1), HttpStatusCode.BadRequest, "tabular-group");
        await AssertProblemAsync(http, "/api/admin/groups/g99/benchmark-model", new GroupBenchmarkRequest("cnn-nowhere", 1), HttpStatusCode.NotFound, "not-found");
        await AssertProblemAsync(http, $"/api/admin/groups/{footwear}/benchmark-model", new GroupBenchmarkRequest("Bad Id", 1), HttpStatusCode.BadRequest, "bad-model-id");
        Assert.Equal(HttpStatusCode.Forbidden, (await userHttp.PostAsJsonAsync($"/api/admin/groups/{footwear}/benchmark-model", new GroupBenchmarkRequest("cnn-mine", 1), Json.Options)).StatusCode);
        var missing = await Assert.ThrowsAsync<TransferProblemException>(() => admin.Knowledge.GetGroupBenchmarkTrainingAsync("cnn-never-asked"));
        Assert.True(missing.IsNotFound);
    }

    private static async Task AssertProblemAsync(HttpClient http, string path, GroupBenchmarkRequest request, HttpStatusCode status, string code)
    {
        var response = await http.PostAsJsonAsync(path, request, Json.Options);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Contains($"urn:transfer:problem:{code}", body, StringComparison.Ordinal);
    }

    private TransferClient Client(string key) => new(host.Factory.CreateClient(), new TransferClientOptions { ApiKey = key });
}
