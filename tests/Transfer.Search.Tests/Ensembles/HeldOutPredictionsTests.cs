using System.Text;
using Transfer.Search.Ensembles;

namespace Transfer.Search.Tests.Ensembles;

public sealed class HeldOutPredictionsTests
{
    private static HeldOutPredictions Sample() => new([1, 4, 7], [0, 2, 1], [[0.7f, 0.2f, 0.1f], [0.1f, 0.1f, 0.8f], [0.3f, 0.6f, 0.1f]], [0, 9], [2, 0], [[0.2f, 0.2f, 0.6f], [0.5f, 0.25f, 0.25f]]);

    [Fact]
    public async Task ItRoundTripsExactly()
    {
        var original = Sample();
        using var buffer = new MemoryStream();
        await original.WriteAsync(buffer);
        buffer.Position = 0;

        var read = await HeldOutPredictions.ReadAsync(buffer);

        Assert.True(read.LinesUpWith(original));
        Assert.Equal(original.Validation, read.Validation);
        Assert.Equal(original.Test, read.Test);
        Assert.Equal(3, read.Classes);
    }

    [Fact]
    public void PredictionsOfOtherExamplesDoNotLineUp()
    {
        var sample = Sample();

        Assert.False(sample.LinesUpWith(sample with { TestIndices = [0, 8] }));
        Assert.False(sample.LinesUpWith(sample with { ValidationLabels = [0, 2, 2] }));
    }

    [Fact]
    public void SortedOrdersRowsByDatasetIndex()
    {
        var (indices, labels, rows) = HeldOutPredictions.Sorted([7, 1, 4], [1, 0, 2], [[0.3f, 0.7f], [0.9f, 0.1f], [0.5f, 0.5f]]);

        Assert.Equal([1, 4, 7], indices);
        Assert.Equal([0, 2, 1], labels);
        Assert.Equal(0.9f, rows[0][0]);
        Assert.Throws<ArgumentException>(() => HeldOutPredictions.Sorted([1, 2], [0], [[1f], [1f]]));
    }

    [Fact]
    public async Task AnythingElseIsInvalidData()
    {
        using var other = new MemoryStream(Encoding.UTF8.GetBytes("not predictions at all"));
        await Assert.ThrowsAsync<InvalidDataException>(() => HeldOutPredictions.ReadAsync(other));

        using var whole = new MemoryStream();
        await Sample().WriteAsync(whole);
        using var cut = new MemoryStream(whole.ToArray()[..^10]);
        await Assert.ThrowsAsync<InvalidDataException>(() => HeldOutPredictions.ReadAsync(cut));
    }
}
