using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;
using Transfer.EndToEnd.Tests.Hosting;

namespace Transfer.EndToEnd.Tests;

/// <summary>A registered model predicts new examples, which have no labels, in every form a user holds them.</summary>
[Collection(HostCollection.Name)]
public sealed class PredictTests(TransferHostFixture host)
{
    [Fact]
    public async Task AnImageModelPredictsImagesWithoutLabelsFromIdxAZipOrOneImage()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var job = await TrainAsync(http, await JobTests.UploadIdxAsync(http, "fmnist-sandal-bag"));
        var folder = RepositoryPaths.SeedDataset("fmnist-sandal-bag");
        var images = await File.ReadAllBytesAsync(Path.Combine(folder, "images-idx3-ubyte.gz"));
        var labels = await File.ReadAllBytesAsync(Path.Combine(folder, "labels-idx1-ubyte.gz"));

        // The images file alone predicts what the labelled pair does (the labels were never used).
        var labelled = await PredictAsync(http, job, Uploads.Idx(images, labels));
        var alone = await PredictAsync(http, job, Uploads.Examples("images", "images-idx3-ubyte.gz", images));
        Assert.Equal(600, alone.Predictions.Count);
        Assert.Equal(labelled.Predictions.Select(p => p.Probabilities), alone.Predictions.Select(p => p.Probabilities));
        Assert.All(alone.Predictions, p => Assert.Null(p.Name));

        // PNGs in a zip, with or without class folders, each named by its path; one PNG alone predicts the same.
        var zipBytes = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.SeedDataset("fmnist-bags-zip"), "images.zip"));
        var zipped = await PredictAsync(http, job, Uploads.Examples("data", "images.zip", zipBytes));
        using var archive = new ZipArchive(new MemoryStream(zipBytes));
        var pngs = archive.Entries.Where(e => e.FullName.EndsWith(".png", StringComparison.Ordinal)).ToList();
        Assert.Equal(pngs.Select(e => e.FullName), zipped.Predictions.Select(p => p.Name));
        var bytes = new List<byte[]>();
        foreach (var png in pngs)
        {
            bytes.Add(await ReadAsync(png));
        }

        var one = await PredictAsync(http, job, Uploads.Examples("data", "shoe.png", bytes[0]));
        Assert.Equal("shoe.png", Assert.Single(one.Predictions).Name);
        AssertSameProbabilities(zipped.Predictions[0].Probabilities, one.Predictions[0].Probabilities);
        var flat = await PredictAsync(http, job, Uploads.Examples("data", "flat.zip", Zip(bytes.Select((b, i) => ($"{i:D3}.png", b)))));
        Assert.Equal(zipped.Predictions.Select(p => p.Probabilities), flat.Predictions.Select(p => p.Probabilities));

        // The SDK sends an image held in memory the same way.
        using var client = new Transfer.Client.TransferClient(host.Factory.CreateClient(), new Transfer.Client.TransferClientOptions { ApiKey = key.Key });
        using var inMemory = new MemoryStream(bytes[0]);
        var sdk = await client.Models.PredictAsync(job.ModelId!, inMemory, "shoe.png");
        Assert.Equal(one.Predictions.Select(p => (p.Name, p.Probabilities)), sdk.Predictions.Select(p => (p.Name, p.Probabilities)));

        // IDX images of another size are resized as PNGs are: two 8x8 gray images predict what one of them does as a PNG.
        byte[] gradient = [.. Enumerable.Range(0, 64).Select(i => (byte)(i * 4))];
        byte[] small = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 8, 0, 0, 0, 8, .. gradient, .. gradient];
        var resized = await PredictAsync(http, job, Uploads.Examples("images", "small-idx3-ubyte", small));
        using var smallImage = SixLabors.ImageSharp.Image.LoadPixelData<SixLabors.ImageSharp.PixelFormats.L8>([.. gradient.Select(v => new SixLabors.ImageSharp.PixelFormats.L8(v))], 8, 8);
        using var smallPng = new MemoryStream();
        await SixLabors.ImageSharp.ImageExtensions.SaveAsPngAsync(smallImage, smallPng);
        var asPng = await PredictAsync(http, job, Uploads.Examples("data", "small.png", smallPng.ToArray()));
        Assert.Equal(2, resized.Predictions.Count);
        AssertSameProbabilities(asPng.Predictions[0].Probabilities, resized.Predictions[0].Probabilities);

        // What does not fit an image model is refused with what to send instead.
        await Problems.AssertProblemAsync(await http.PostAsync($"/api/models/{job.ModelId}/predict", Uploads.Examples("data", "iris.csv", await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.SeedDataset("iris"), "data.csv")))), HttpStatusCode.BadRequest, "wrong-input", "1×28×28");
        await Problems.AssertProblemAsync(await http.PostAsync($"/api/jobs/{job.Id}/trials/0/predict", Uploads.Examples("data", "x.zip", Zip([("notes.txt", "hi"u8.ToArray())]))), HttpStatusCode.BadRequest, "zip-not-image");
        await Problems.AssertProblemAsync(await http.PostAsync($"/api/models/{job.ModelId}/predict", Uploads.Examples("labels", "labels-idx1-ubyte.gz", labels)), HttpStatusCode.BadRequest, "bad-part");
    }

    [Fact]
    public async Task ATableModelPredictsRowsWithoutTheirLabelOneAtATimeAsInABatch()
    {
        var (_, key) = await Tenants.NewAsync(host);
        using var http = host.CreateHttpClient(key.Key);
        var csv = await File.ReadAllLinesAsync(Path.Combine(RepositoryPaths.SeedDataset("weka-credit-g"), "data.csv"));
        var uploaded = await http.PostAsync("/api/datasets", Uploads.Csv(Bytes(csv)));
        uploaded.EnsureSuccessStatusCode();
        var job = await TrainAsync(http, (await uploaded.Content.ReadFromJsonAsync<DatasetInfo>(Json.Options))!);

        var batch = await PredictAsync(http, job, Uploads.Examples("data", "credit.csv", Bytes(csv)));
        Assert.Equal(csv.Length - 1, batch.Predictions.Count);
        Assert.Null(batch.MissingColumns);

        // Without the label column and with the columns in another order: the same predictions.
        var header = csv[0].Split(',');
        var keep = Enumerable.Range(0, header.Length).Where(c => header[c] != "label").Reverse().ToArray();
        var unlabelled = csv.Select(line => string.Join(',', keep.Select(c => line.Split(',')[c]))).ToArray();
        var reordered = await PredictAsync(http, job, Uploads.Examples("data", "credit.csv", Bytes(unlabelled)));
        Assert.Equal(batch.Predictions.Select(p => p.Probabilities), reordered.Predictions.Select(p => p.Probabilities));

        // One row alone: its categories are encoded as in the batch (a table's own encoding knows only the categories it holds).
        var single = await PredictAsync(http, job, Uploads.Examples("data", "one.csv", Bytes([unlabelled[0], unlabelled[1]])));
        AssertSameProbabilities(batch.Predictions[0].Probabilities, Assert.Single(single.Predictions).Probabilities);

        // A column left out is missing in every row, and named.
        var age = Array.IndexOf(header, "age");
        var withoutAge = csv.Select(line => string.Join(',', line.Split(',').Where((_, c) => c != age))).ToArray();
        var partial = await PredictAsync(http, job, Uploads.Examples("data", "credit.csv", Bytes(withoutAge)));
        Assert.Equal(["age"], partial.MissingColumns);
        Assert.Equal(batch.Predictions.Count, partial.Predictions.Count);

        await Problems.AssertProblemAsync(await http.PostAsync($"/api/models/{job.ModelId}/predict", Uploads.Examples("data", "x.csv", "a,b\n1,2\n"u8.ToArray())), HttpStatusCode.BadRequest, "csv-no-model-columns", "checking_status");
        await Problems.AssertProblemAsync(await http.PostAsync($"/api/models/{job.ModelId}/predict", Uploads.Examples("data", "images.zip", await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.SeedDataset("fmnist-bags-zip"), "images.zip")))), HttpStatusCode.BadRequest, "wrong-input", "a zip archive");
        await Problems.AssertProblemAsync(await http.PostAsync($"/api/models/{job.ModelId}/predict", Uploads.Examples("images", "images-idx3-ubyte.gz", await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.SeedDataset("fmnist-sandal-bag"), "images-idx3-ubyte.gz")))), HttpStatusCode.BadRequest, "wrong-input", "table rows");
    }

    /// <summary>A one-trial job (the baseline, one epoch): what is tested here is the model it registers, not its quality.</summary>
    private static async Task<JobInfo> TrainAsync(HttpClient http, DatasetInfo dataset)
    {
        var created = await http.PostAsJsonAsync("/api/jobs", new CreateJobRequest(dataset.Id, Budget: new JobBudget(Trials: 1), MaxEpochs: 1, Seed: 4), Json.Options);
        created.EnsureSuccessStatusCode();
        var job = await JobWaits.UntilAsync(http, (await created.Content.ReadFromJsonAsync<JobInfo>(Json.Options))!.Id, j => j.Status != JobStatus.Running, TimeSpan.FromMinutes(3));
        Assert.Equal((JobStatus.Completed, job.Id), (job.Status, job.ModelId));
        return job;
    }

    private static async Task<PredictionResult> PredictAsync(HttpClient http, JobInfo job, HttpContent examples)
    {
        var response = await http.PostAsync($"/api/models/{job.ModelId}/predict", examples);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadFromJsonAsync<PredictionResult>(Json.Options))!;
        Assert.All(result.Predictions, p => Assert.Equal(1.0, p.Probabilities.Sum(), 3));
        return result;
    }

    /// <summary>
    /// One example's probabilities from batches of different sizes: the CPU kernels may round the last bit of a float
    /// differently for another batch size (one CI run saw 0.434280753 vs 0.434280783), so they agree to 1e-6, not exactly.
    /// </summary>
    private static void AssertSameProbabilities(IReadOnlyList<float> expected, IReadOnlyList<float> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-6, $"class {i}: {expected[i]:R} vs {actual[i]:R} ([{string.Join(", ", expected)}] vs [{string.Join(", ", actual)}])");
        }
    }

    private static async Task<byte[]> ReadAsync(ZipArchiveEntry entry)
    {
        await using var stream = entry.Open();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Bytes(IEnumerable<string> lines) => System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
}
