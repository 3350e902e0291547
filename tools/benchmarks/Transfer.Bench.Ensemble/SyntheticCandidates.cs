namespace Transfer.Bench.Ensemble;

/// <summary>
/// Held-out predictions shaped like a job's: <c>count</c> candidates' class probabilities on the same examples, each a
/// softmax of the true class's margin (the candidate's skill, plus the example's difficulty, which all candidates share,
/// as real models err on the same hard examples) and Gaussian noise, so that accuracies fall around 90-97 % and ties
/// between candidates are common, as on a few hundred examples.
/// </summary>
internal sealed record SyntheticCandidates(float[][][] Candidates, int[] Labels)
{
    public static SyntheticCandidates Create(int count, int rows, int classes, int seed)
    {
        var random = new Random(seed);
        var labels = new int[rows];
        var difficulty = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            labels[r] = random.Next(classes);
            difficulty[r] = 2.5 * Normal(random);
        }

        var candidates = new float[count][][];
        for (var c = 0; c < count; c++)
        {
            var skill = 3.5 + (0.8 * random.NextDouble());
            candidates[c] = new float[rows][];
            for (var r = 0; r < rows; r++)
            {
                var logits = new double[classes];
                for (var k = 0; k < classes; k++)
                {
                    logits[k] = Normal(random) + (k == labels[r] ? skill + difficulty[r] : 0);
                }

                var max = logits.Max();
                var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
                var total = exp.Sum();
                candidates[c][r] = [.. exp.Select(e => (float)(e / total))];
            }
        }

        return new SyntheticCandidates(candidates, labels);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
