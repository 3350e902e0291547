namespace Transfer.Search.Ensembles;

/// <summary>
/// Greedy ensemble selection with replacement (Caruana, Niculescu-Mizil, Crew and Ksikes, 2004), as auto-sklearn builds
/// its final model: start from the best single candidate, then add, again and again, whichever candidate (one already
/// in may be added again, which raises its weight) makes the averaged class probabilities score best on held-out
/// predictions, and keep the best of those ensembles (the earliest on a tie, so the smallest). Candidates are models'
/// probabilities for the same held-out examples (out-of-fold predictions under k-fold); ties on accuracy, common on a few
/// hundred examples, are broken by log loss and then by the earlier candidate, so the result is deterministic. The rounds
/// run on <see cref="GreedySelection"/>'s vectorised layout (<c>tools/bench ensemble</c> times them); probabilities
/// must be finite numbers.
/// </summary>
public static class EnsembleSelection
{
    /// <summary>Probabilities below this count as this when taking logs (as scikit-learn's log_loss clips).</summary>
    public const double ProbabilityFloor = 1e-15;

    /// <summary>Chooses an ensemble of at most <paramref name="size"/> picks.</summary>
    /// <param name="candidates">Each candidate's class probabilities: one row per example, the same examples and classes for all.</param>
    /// <param name="labels">The true class of each example.</param>
    /// <param name="size">Greedy rounds (auto-sklearn's <c>ensemble_size</c>); 1 chooses the best single candidate.</param>
    /// <param name="byLoss">Rank ensembles by log loss first (accuracy breaks ties) instead of accuracy first.</param>
    public static EnsembleChoice Select(IReadOnlyList<float[][]> candidates, IReadOnlyList<int> labels, int size, bool byLoss = false)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var classes = Validate(candidates, labels);
        var selection = new GreedySelection(candidates, labels, classes);
        var (counts, accuracy, logLoss) = selection.Run(selection.Once(), size, byLoss);
        return new EnsembleChoice(counts, accuracy, logLoss);
    }

    /// <summary>
    /// Bagged ensemble selection: <see cref="Select"/> on each of <paramref name="bags"/> bootstrap resamples of the
    /// examples (drawn with replacement, as many as there are), the picks summed over the bags. On a few hundred held-out
    /// examples a single greedy run fits their noise, piling weight on whichever candidate happened to be right on a
    /// handful of them; summed over resamples those accidents average out, and the weights spread over the candidates
    /// that are good on most resamples (Breiman's bagging, applied to the selection as Caruana et al. 2004 apply it to
    /// the library of models). The returned accuracy and log loss are the summed ensemble's on all the examples.
    /// </summary>
    /// <param name="candidates">As <see cref="Select"/>.</param>
    /// <param name="labels">As <see cref="Select"/>.</param>
    /// <param name="size">Greedy rounds in each bag.</param>
    /// <param name="bags">Bootstrap resamples; 1 or fewer runs <see cref="Select"/> once on the examples as given.</param>
    /// <param name="seed">Seeds the resamples: the same input and seed give the same ensemble.</param>
    /// <param name="byLoss">As <see cref="Select"/>.</param>
    /// <param name="minWeight">
    /// Candidates with a smaller share of the summed picks are dropped (the others' weights grow to fill their share): a
    /// candidate a bag or two picked once weighs a fraction of a percent yet costs a full model at every prediction. The
    /// most picked candidate always stays. 0 keeps every pick; with one bag nothing is dropped.
    /// </param>
    public static EnsembleChoice SelectBagged(IReadOnlyList<float[][]> candidates, IReadOnlyList<int> labels, int size, int bags, int seed, bool byLoss = false, double minWeight = 0)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        if (!(minWeight is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minWeight), minWeight, "a share of the picks in [0, 1)");
        }

        var classes = Validate(candidates, labels);
        var selection = new GreedySelection(candidates, labels, classes);
        if (bags <= 1 || candidates.Count == 1)
        {
            // Plain selection (as Select), on the layout already built and the input already validated.
            var (plain, plainAccuracy, plainLoss) = selection.Run(selection.Once(), size, byLoss);
            return new EnsembleChoice(plain, plainAccuracy, plainLoss);
        }

        var random = new Random(seed);
        var counts = new int[candidates.Count];
        var weights = selection.Once();
        for (var bag = 0; bag < bags; bag++)
        {
            selection.Resample(random, weights);
            var (picks, _, _) = selection.Run(weights, size, byLoss);
            for (var c = 0; c < counts.Length; c++)
            {
                counts[c] += picks[c];
            }
        }

        var total = counts.Sum();
        var top = Array.IndexOf(counts, counts.Max());
        for (var c = 0; c < counts.Length; c++)
        {
            if (c != top && counts[c] < minWeight * total)
            {
                counts[c] = 0;
            }
        }

        var sum = new double[labels.Count * classes];
        for (var c = 0; c < counts.Length; c++)
        {
            Add(sum, candidates[c], classes, counts[c]);
        }

        var (accuracy, logLoss) = Score(sum, counts.Sum(), labels, classes);
        return new EnsembleChoice(counts, accuracy, logLoss);
    }

    /// <summary>
    /// How many bootstrap resamples to bag a selection over (<see cref="SelectBagged"/>) on <paramref name="examples"/>
    /// held-out examples: <paramref name="most"/> on small sets, where the picks vary most from one resample to the next
    /// and a resample is cheap; fewer as the set grows, so that the resampled rows stay near <paramref name="rowBudget"/>
    /// (the selection's work grows with rows × bags); never fewer than <paramref name="fewest"/>. The defaults are the
    /// jobs': on a few hundred examples the picks of 20 resamples still vary with the seed, and 100 gave the transfer
    /// bench's registered models a std of 0.0009 against 0.0011 over its seeds 4-10, at the same mean
    /// (<c>bench-results/transfer-ensemble-ablation.json</c>).
    /// </summary>
    public static int BagsFor(int examples, int fewest = 20, int most = 100, int rowBudget = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(examples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(fewest, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(most, fewest);
        return Math.Clamp(rowBudget / examples, fewest, most);
    }

    /// <summary>The weighted mean of the candidates' probabilities, row by row (weights need not sum to 1).</summary>
    public static float[][] Combine(IReadOnlyList<float[][]> candidates, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(weights);
        if (candidates.Count == 0 || weights.Count != candidates.Count || weights.Any(w => w < 0 || !double.IsFinite(w)) || weights.Sum() <= 0)
        {
            throw new ArgumentException("one finite, non-negative weight per candidate, not all zero", nameof(weights));
        }

        var total = weights.Sum();
        var result = new float[candidates[0].Length][];
        for (var r = 0; r < result.Length; r++)
        {
            var row = new double[candidates[0][r].Length];
            for (var c = 0; c < candidates.Count; c++)
            {
                if (weights[c] > 0)
                {
                    for (var k = 0; k < row.Length; k++)
                    {
                        row[k] += weights[c] / total * candidates[c][r][k];
                    }
                }
            }

            result[r] = [.. row.Select(v => (float)v)];
        }

        return result;
    }

    /// <summary>The share of rows whose most likely class (the first on a tie) is the label; null for no rows.</summary>
    public static double? Accuracy(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        if (probabilities.Count != labels.Count)
        {
            throw new ArgumentException($"{probabilities.Count} rows of probabilities for {labels.Count} labels", nameof(labels));
        }

        return labels.Count == 0 ? null : (double)labels.Where((label, i) => ArgMax(probabilities[i]) == label).Count() / labels.Count;
    }

    /// <summary>Whether every value of <paramref name="row"/> is a finite number (a diverged model predicts NaN).</summary>
    public static bool AllFinite(float[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        foreach (var value in row)
        {
            if (!float.IsFinite(value))
            {
                return false;
            }
        }

        return true;
    }

    private static int Validate(IReadOnlyList<float[][]> candidates, IReadOnlyList<int> labels)
    {
        if (candidates.Count == 0)
        {
            throw new ArgumentException("no candidates to choose from", nameof(candidates));
        }

        if (labels.Count == 0)
        {
            throw new ArgumentException("no examples to choose on", nameof(labels));
        }

        var classes = candidates[0][0]?.Length ?? 0;
        for (var c = 0; c < candidates.Count; c++)
        {
            if (candidates[c] is not { } rows || rows.Length != labels.Count || rows.Any(r => r is null || r.Length != classes))
            {
                throw new ArgumentException($"candidate {c} does not have {labels.Count} rows of {classes} class probabilities", nameof(candidates));
            }

            if (!candidates[c].All(AllFinite))
            {
                throw new ArgumentException($"candidate {c} has a class probability that is not a finite number", nameof(candidates));
            }
        }

        if (classes == 0 || labels.Any(l => l < 0 || l >= classes))
        {
            throw new ArgumentException($"labels must be classes 0..{classes - 1}", nameof(labels));
        }

        return classes;
    }

    /// <summary>Accuracy and log loss of the ensemble <paramref name="sum"/> of <paramref name="members"/> picks.</summary>
    private static (double Accuracy, double LogLoss) Score(double[] sum, int members, IReadOnlyList<int> labels, int classes)
    {
        int correct = 0;
        double loss = 0;
        for (var r = 0; r < labels.Count; r++)
        {
            var offset = r * classes;
            var top = 0;
            for (var k = 1; k < classes; k++)
            {
                if (sum[offset + k] > sum[offset + top])
                {
                    top = k;
                }
            }

            correct += top == labels[r] ? 1 : 0;
            loss -= Math.Log(Math.Max(ProbabilityFloor, sum[offset + labels[r]] / members));
        }

        return ((double)correct / labels.Count, loss / labels.Count);
    }

    private static void Add(double[] sum, float[][] candidate, int classes, int times = 1)
    {
        for (var r = 0; r < candidate.Length; r++)
        {
            for (var k = 0; k < classes; k++)
            {
                sum[(r * classes) + k] += times * candidate[r][k];
            }
        }
    }

    private static int ArgMax(float[] row)
    {
        var top = 0;
        for (var k = 1; k < row.Length; k++)
        {
            if (row[k] > row[top])
            {
                top = k;
            }
        }

        return top;
    }
}
