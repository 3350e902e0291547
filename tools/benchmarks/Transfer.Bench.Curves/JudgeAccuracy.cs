using Transfer.Contracts.Curves;
using Transfer.Curves;

namespace Transfer.Bench.Curves;

/// <summary>How often the judge names the labelled state of a whole curve, overall and per state, with the confusion matrix.</summary>
internal sealed record JudgeAccuracy(
    int Curves,
    double Overall,
    IReadOnlyDictionary<string, double> PerState,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Wrong,
    IReadOnlyDictionary<string, SourceAccuracy> PerSource)
{
    public static JudgeAccuracy Measure(CurveJudge judge, IReadOnlyList<RecordedCurve> curves)
    {
        var confusion = Enum.GetValues<CurveState>().ToDictionary(s => s, _ => Enum.GetValues<CurveState>().ToDictionary(s => s, _ => 0));
        var wrong = new List<string>();
        var labelled = curves.Where(c => c.Label is not null).ToList();
        foreach (var curve in labelled)
        {
            var judged = judge.Judge(curve.ToLearningCurve()).State;
            confusion[curve.Label!.Value][judged]++;
            if (judged != curve.Label)
            {
                wrong.Add($"{curve.Id}: judged {Name(judged)}");
            }
        }

        var right = confusion.Sum(row => row.Value[row.Key]);
        return new JudgeAccuracy(
            labelled.Count,
            labelled.Count == 0 ? 0.0 : (double)right / labelled.Count,
            confusion.Where(r => r.Value.Values.Sum() > 0)
                .ToDictionary(r => Name(r.Key), r => (double)r.Value[r.Key] / r.Value.Values.Sum()),
            confusion.ToDictionary(r => Name(r.Key), r => (IReadOnlyDictionary<string, int>)r.Value.ToDictionary(c => Name(c.Key), c => c.Value)),
            [.. labelled.Select(c => c.Source).Distinct().Order(StringComparer.Ordinal)],
            wrong,
            labelled.GroupBy(c => c.Source).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => SourceAccuracy.Measure(judge, [.. g])));
    }

    public static string Name(CurveState state) => state switch
    {
        CurveState.UnderFitting => "under_fitting",
        CurveState.OverFitting => "over_fitting",
        _ => state.ToString().ToLowerInvariant(),
    };
}
