using Transfer.Contracts.Curves;
using Transfer.Curves;

namespace Transfer.Bench.Curves;

/// <summary>The judge's accuracy on the labelled curves of one source (synthetic, trainer), overall and per state, with the counts.</summary>
internal sealed record SourceAccuracy(int Curves, double Overall, IReadOnlyDictionary<string, double> PerState, IReadOnlyDictionary<string, int> Counts)
{
    public static SourceAccuracy Measure(CurveJudge judge, IReadOnlyList<RecordedCurve> curves)
    {
        var rows = curves.GroupBy(c => c.Label!.Value).OrderBy(g => g.Key).ToList();
        var right = curves.Count(c => judge.Judge(c.ToLearningCurve()).State == c.Label);
        return new SourceAccuracy(
            curves.Count,
            Math.Round((double)right / Math.Max(1, curves.Count), 4),
            rows.ToDictionary(g => JudgeAccuracy.Name(g.Key), g => Math.Round((double)g.Count(c => judge.Judge(c.ToLearningCurve()).State == g.Key) / g.Count(), 4)),
            rows.ToDictionary(g => JudgeAccuracy.Name(g.Key), g => g.Count()));
    }
}
