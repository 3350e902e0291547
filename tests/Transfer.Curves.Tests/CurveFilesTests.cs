using Transfer.Contracts.Curves;

namespace Transfer.Curves.Tests;

public sealed class CurveFilesTests
{
    [Fact]
    public async Task ACurveWithNonFiniteLossesSurvivesARoundTrip()
    {
        var path = Path.Combine(Path.GetTempPath(), $"curve-{Guid.NewGuid():N}.json");
        var curve = new RecordedCurve
        {
            Id = "round-trip",
            Label = CurveState.UnderFitting,
            Source = "test",
            MaxIteration = 30,
            ReferenceLoss = Math.Log(10),
            Points = [new(10, 2.1, 2.2, 0.3), new(20, double.NaN), new(30, double.PositiveInfinity, null, 0.1)],
        };
        try
        {
            await CurveFiles.WriteAsync(path, curve);
            var text = await File.ReadAllTextAsync(path);
            Assert.Contains("\"label\":\"under_fitting\"", text, StringComparison.Ordinal);
            Assert.Contains("\"train_loss\":\"NaN\"", text, StringComparison.Ordinal);
            var back = await CurveFiles.ReadAsync(path);
            Assert.Equal(CurveState.UnderFitting, back.Label);
            Assert.True(double.IsNaN(back.Points[1].TrainLoss));
            Assert.Null(back.Points[1].ValLoss);
            Assert.Equal(0.1, back.Points[2].ValMetric);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
