using Transfer.Client.Datasets;
using Transfer.Contracts.Datasets;

namespace Transfer.Client.Tests;

public sealed class DatasetFileSetTests
{
    [Theory]
    [InlineData("iris.csv", DatasetFormat.Csv)]
    [InlineData("IRIS.CSV", DatasetFormat.Csv)]
    [InlineData("wine.tsv", DatasetFormat.Csv)]
    [InlineData("big.csv.gz", DatasetFormat.Csv)]
    [InlineData("big.tsv.gz", DatasetFormat.Csv)]
    [InlineData("photos.zip", DatasetFormat.ImageZip)]
    [InlineData("train-images-idx3-ubyte.gz", DatasetFormat.Idx)]
    public void TheFormatFollowsTheFileName(string name, DatasetFormat expected) =>
        Assert.Equal(expected, DatasetFileSet.InferFormat(name));

    [Fact]
    public void ANameThatSaysNothingAsksForTheFormat() =>
        Assert.Contains("give the format", Assert.Throws<ArgumentException>(() => DatasetFileSet.InferFormat("data.parquet")).Message, StringComparison.Ordinal);
}
