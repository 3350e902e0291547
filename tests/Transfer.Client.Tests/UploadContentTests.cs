using System.Text;
using Transfer.Client.Datasets;
using Transfer.Client.Internal;

namespace Transfer.Client.Tests;

public sealed class UploadContentTests
{
    [Fact]
    public async Task ProgressCountsEveryByteOfBothIdxPartsInOrder()
    {
        var images = await File.ReadAllBytesAsync(SeedData.File("fmnist-shoes-a", "images-idx3-ubyte.gz"));
        var labels = await File.ReadAllBytesAsync(SeedData.File("fmnist-shoes-a", "labels-idx1-ubyte.gz"));
        var upload = DatasetUpload.Idx("shoes", new MemoryStream(images), new MemoryStream(labels));
        var reports = new RecordingProgress();

        using var form = UploadContent.Create(upload, new UploadProgress(reports));
        await form.CopyToAsync(Stream.Null);

        Assert.Equal(images.Length + labels.Length, upload.Parts.Sum(p => p.Content.Length));
        Assert.Equal(images.Length + labels.Length, reports.Values[^1]);
        Assert.True(reports.Values.Count > 2, "a 300 KB part is read in several chunks");
        Assert.Equal(reports.Values.Order(), reports.Values);
        Assert.Equal(reports.Values.Count, reports.Values.Distinct().Count());
    }

    [Fact]
    public async Task TextFieldsComeBeforeTheFilePartsAndSeekableStreamsGiveAContentLength()
    {
        var csv = await File.ReadAllBytesAsync(SeedData.File("iris", "data.csv"));
        var upload = DatasetUpload.Csv("iris", new MemoryStream(csv), "label", "iris.csv");

        using var form = UploadContent.Create(upload, new UploadProgress(null));
        var body = Encoding.UTF8.GetString(await form.ReadAsByteArrayAsync());

        var name = body.IndexOf("name=name", StringComparison.Ordinal);
        var format = body.IndexOf("name=format", StringComparison.Ordinal);
        var label = body.IndexOf("name=labelColumn", StringComparison.Ordinal);
        var data = body.IndexOf("name=data; filename=iris.csv", StringComparison.Ordinal);
        Assert.True(name >= 0 && name < format && format < label && label < data, body[..Math.Min(body.Length, 600)]);
        Assert.Contains("\r\n\r\nCsv\r\n", body, StringComparison.Ordinal);
        Assert.Contains("sepal_length,sepal_width,petal_length,petal_width,label", body, StringComparison.Ordinal);
        Assert.Equal(body.Length, form.Headers.ContentLength);
    }

    [Fact]
    public async Task ANonSeekableStreamIsStillCountedButHasNoKnownTotal()
    {
        var zip = await File.ReadAllBytesAsync(SeedData.File("fmnist-bags-zip", "images.zip"));
        var upload = DatasetUpload.ImageZip("bags", new ForwardOnlyStream(zip));
        var reports = new RecordingProgress();

        Assert.Null(upload.TotalBytes);
        using var form = UploadContent.Create(upload, new UploadProgress(reports));
        await form.CopyToAsync(Stream.Null);

        Assert.Equal(zip.Length, reports.Values[^1]);
    }

    [Fact]
    public async Task TheCallersStreamStaysOpenAfterTheUpload()
    {
        var data = new MemoryStream("x,label\n1,a\n"u8.ToArray());
        var upload = DatasetUpload.Csv("tiny", data);

        using (var form = UploadContent.Create(upload, new UploadProgress(null)))
        {
            await form.CopyToAsync(Stream.Null);
        }

        Assert.True(data.CanRead);
        Assert.Equal(data.Length, data.Position);
    }

    [Theory]
    [InlineData("", "data")]
    [InlineData("shoes", "images")]
    public void AnUploadWhosePartsDoNotFitItsFormatIsRefused(string name, string partName)
    {
        var upload = new DatasetUpload(name, Contracts.Datasets.DatasetFormat.Csv, [new DatasetUploadPart(partName, "f", new MemoryStream())]);

        Assert.Throws<ArgumentException>(upload.Validate);
    }

    private sealed class RecordingProgress : IProgress<long>
    {
        public List<long> Values { get; } = [];

        public void Report(long value) => Values.Add(value);
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
