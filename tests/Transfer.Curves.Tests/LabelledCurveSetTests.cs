using Transfer.Contracts.Curves;
using Xunit.Abstractions;

namespace Transfer.Curves.Tests;

public sealed class LabelledCurveSetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheJudgeNamesNinetyPercentOfTheLabelledCurvesAndEightyPercentOfEachState()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "curves");
        var curves = (await CurveFiles.ReadFolderAsync(folder)).Where(c => c.Label is not null).ToList();
        var judge = new CurveJudge();
        var states = Enum.GetValues<CurveState>();
        var confusion = new int[states.Length, states.Length];
        foreach (var curve in curves)
        {
            var judged = judge.Judge(curve.ToLearningCurve()).State;
            confusion[(int)curve.Label!.Value, (int)judged]++;
            if (judged != curve.Label)
            {
                output.WriteLine($"wrong: {curve.Id} ({curve.Source}) judged {judged}");
            }
        }

        output.WriteLine("label \\ judged  " + string.Join(" ", states.Select(s => $"{s,12}")));
        var right = 0;
        var perState = new Dictionary<CurveState, double>();
        var counts = new Dictionary<CurveState, int>();
        foreach (var label in states)
        {
            var row = Enumerable.Range(0, states.Length).Select(j => confusion[(int)label, j]).ToArray();
            output.WriteLine($"{label,-14}  " + string.Join(" ", row.Select(c => $"{c,12}")));
            right += row[(int)label];
            counts[label] = row.Sum();
            perState[label] = row.Sum() == 0 ? double.NaN : (double)row[(int)label] / row.Sum();
        }

        Assert.All(states, s => Assert.True(counts[s] >= 20, $"{s}: the set needs at least 20 curves, has {counts[s]}"));
        var overall = (double)right / curves.Count;
        output.WriteLine($"overall {overall:P1} on {curves.Count} curves");
        foreach (var source in curves.GroupBy(c => c.Source).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var perLabel = source.GroupBy(c => c.Label!.Value).OrderBy(g => g.Key)
                .Select(g => $"{g.Key} {g.Count(c => judge.Judge(c.ToLearningCurve()).State == g.Key)}/{g.Count()}");
            var sourceRight = source.Count(c => judge.Judge(c.ToLearningCurve()).State == c.Label);
            output.WriteLine($"{source.Key}: {(double)sourceRight / source.Count():P1} of {source.Count()} ({string.Join(", ", perLabel)})");
        }

        Assert.True(overall >= 0.9, $"overall accuracy {overall:P1}");
        Assert.All(states, s => Assert.True(perState[s] >= 0.8, $"{s}: accuracy {perState[s]:P1}"));
    }

    [Fact]
    public async Task TheSetHoldsAtLeastSixCurvesRecordedFromTheTrainerInEachState()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "curves", "real");
        var real = (await CurveFiles.ReadFolderAsync(folder)).Where(c => c.Source == "trainer" && c.Label is not null).ToList();
        foreach (var state in Enum.GetValues<CurveState>())
        {
            var count = real.Count(c => c.Label == state);
            output.WriteLine($"{state}: {count} trainer curves");
            Assert.True(count >= 6, $"{state}: {count} trainer curves");
        }

        Assert.Equal(real.Count, real.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
    }
}
