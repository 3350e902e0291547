using Transfer.Search.Ensembles;

namespace Transfer.Search.Tests.Ensembles;

/// <summary>Greedy ensemble selection (Caruana et al. 2004): what it picks, what it leaves out, what it refuses.</summary>
public sealed class EnsembleSelectionTests
{
    // Six examples of three classes.
    private static readonly int[] Labels = [0, 1, 2, 0, 1, 2];

    /// <summary>Right (0.9) on the examples in <paramref name="right"/>; elsewhere 0.5 on the next class and 0.3 on the true one.</summary>
    private static float[][] Model(params int[] right) =>
        [.. Labels.Select((label, i) =>
        {
            var row = new float[3];
            if (right.Contains(i))
            {
                (row[label], row[(label + 1) % 3], row[(label + 2) % 3]) = (0.9f, 0.05f, 0.05f);
            }
            else
            {
                (row[label], row[(label + 1) % 3], row[(label + 2) % 3]) = (0.3f, 0.5f, 0.2f);
            }

            return row;
        })];

    [Fact]
    public void TwoModelsRightOnDifferentExamplesAreAveragedAndBeatEitherAlone()
    {
        // Each is right on four of six; where one is wrong the other is confidently right, so their mean is right on all six.
        float[][] a = Model(0, 1, 2, 3), b = Model(2, 3, 4, 5);
        Assert.Equal(4.0 / 6, EnsembleSelection.Accuracy(a, Labels));

        var choice = EnsembleSelection.Select([a, b], Labels, size: 10);

        Assert.Equal(1.0, choice.Accuracy);
        Assert.All(choice.Counts, c => Assert.True(c > 0, $"counts {string.Join(", ", choice.Counts)}"));
        Assert.Equal(1.0, choice.Weights.Sum(), 9);
        Assert.Equal(1.0, EnsembleSelection.Accuracy(EnsembleSelection.Combine([a, b], choice.Weights), Labels));
    }

    [Fact]
    public void AModelThatOnlyHurtsIsNeverPicked()
    {
        float[][] good = Model(0, 1, 2, 3, 4), bad = Model(), other = Model(1, 2, 3, 4, 5);

        var choice = EnsembleSelection.Select([bad, good, other], Labels, size: 20);

        Assert.Equal(0, choice.Counts[0]);
        Assert.Equal(1.0, choice.Accuracy);
    }

    [Fact]
    public void NothingIsAddedToACandidateThatCannotBeImprovedOn()
    {
        // Certain and right everywhere: accuracy 1, log loss 0. Every addition raises the log loss, so the best ensemble is
        // the first one, of one pick.
        float[][] perfect = [.. Labels.Select(l => Enumerable.Range(0, 3).Select(k => k == l ? 1f : 0f).ToArray())];

        var choice = EnsembleSelection.Select([Model(0, 1, 2, 3), perfect, Model(2, 3, 4, 5)], Labels, size: 10);

        Assert.Equal([0, 1, 0], choice.Counts);
        Assert.Equal((1.0, 0.0), (choice.Accuracy, choice.LogLoss));
    }

    [Fact]
    public void SizeOneIsTheBestSingleCandidateAndTiesGoToTheFirst()
    {
        float[][] worse = Model(0, 1), better = Model(0, 1, 2), same = Model(0, 1, 2);

        Assert.Equal([0, 1, 0], EnsembleSelection.Select([worse, better, same], Labels, size: 1).Counts);
    }

    [Fact]
    public void ByLossRanksByLogLossFirst()
    {
        // Right on 4 of 6 but unsure (0.4 on the true class where right, 0.1 where wrong) against right on 3 of 6 and sure.
        float[][] unsure = [.. Labels.Select((l, i) => Row(l, i < 4 ? 0.4f : 0.1f, i < 4 ? 0.3f : 0.8f))];
        float[][] sure = [.. Labels.Select((l, i) => Row(l, i < 3 ? 0.98f : 0.3f, i < 3 ? 0.01f : 0.6f))];

        Assert.Equal([1, 0], EnsembleSelection.Select([unsure, sure], Labels, size: 1).Counts);
        Assert.Equal([0, 1], EnsembleSelection.Select([unsure, sure], Labels, size: 1, byLoss: true).Counts);
    }

    [Fact]
    public void TheSameInputGivesTheSameEnsemble()
    {
        var random = new Random(7);
        int[] labels = [.. Enumerable.Range(0, 200).Select(_ => random.Next(4))];
        List<float[][]> candidates = [.. Enumerable.Range(0, 12).Select(_ => labels.Select(_ => Softmax(random)).ToArray())];

        var first = EnsembleSelection.Select(candidates, labels, size: 25);
        var second = EnsembleSelection.Select(candidates, labels, size: 25);

        Assert.Equal(first.Counts, second.Counts);
        Assert.InRange(first.Size, 1, 25);
        // The ensemble is at least as accurate, on what it was chosen on, as its best single member.
        Assert.True(first.Accuracy >= candidates.Max(c => EnsembleSelection.Accuracy(c, labels)!.Value));
    }

    [Fact]
    public void BadInputIsRefusedWithTheReason()
    {
        var a = Model(0, 1);
        Assert.Throws<ArgumentException>(() => EnsembleSelection.Select([], Labels, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnsembleSelection.Select([a], Labels, 0));
        var rows = Assert.Throws<ArgumentException>(() => EnsembleSelection.Select([a, a[..4]], Labels, 5));
        Assert.Contains("candidate 1", rows.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => EnsembleSelection.Select([a], [0, 1, 2, 0, 1, 3], 5));
        Assert.Throws<ArgumentException>(() => EnsembleSelection.Combine([a, a], [1, -1]));
        Assert.Throws<ArgumentException>(() => EnsembleSelection.Combine([a, a], [0, 0]));
        Assert.Throws<ArgumentException>(() => EnsembleSelection.Accuracy(a, [0, 1]));
        var diverged = Model(0, 1);
        diverged[2] = [float.NaN, float.NaN, float.NaN];
        var nan = Assert.Throws<ArgumentException>(() => EnsembleSelection.SelectBagged([a, diverged], Labels, 5, bags: 10, seed: 1));
        Assert.Contains("candidate 1 has a class probability that is not a finite number", nan.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 2, 9, 40)]
    [InlineData(2, 3, 12, 101)]
    [InlineData(3, 4, 15, 257)]
    [InlineData(4, 10, 6, 333)]
    public void TheVectorisedRoundsPickWhatThePlainRowByRowArithmeticPicks(int seed, int classes, int models, int examples)
    {
        // Coarse probabilities (tenths) make ties between classes and between candidates' accuracies, and so the log-loss
        // tie-break, common. The reference is the definition written plainly: every resampled row scored one by one, the
        // first class winning a tie. (Log losses equal but for their last bits, summed in another order, could still
        // break a tie the other way; these inputs have none.)
        var random = new Random(seed);
        int[] labels = [.. Enumerable.Range(0, examples).Select(_ => random.Next(classes))];
        List<float[][]> candidates = [.. Enumerable.Range(0, models).Select(_ => labels.Select(label =>
        {
            double[] weights = [.. Enumerable.Range(0, classes).Select(k => random.Next(1, 4) + (k == label && random.NextDouble() < 0.7 ? 4.0 : 0))];
            return weights.Select(w => (float)Math.Round(w / weights.Sum(), 1)).ToArray();
        }).ToArray())];

        foreach (var bags in new[] { 1, 7 })
        {
            var chosen = EnsembleSelection.SelectBagged(candidates, labels, 12, bags, seed, byLoss: false);
            Assert.Equal(PlainBagged(candidates, labels, 12, bags, seed), chosen.Counts);
        }
    }

    [Fact]
    public void OneBagIsPlainSelectionAndTheSameSeedGivesTheSameEnsemble()
    {
        var (labels, candidates) = Noisy(new Random(3), models: 10, examples: 200, skill: 0.7);

        Assert.Equal(EnsembleSelection.Select(candidates, labels, 20).Counts, EnsembleSelection.SelectBagged(candidates, labels, 20, bags: 1, seed: 5).Counts);
        var first = EnsembleSelection.SelectBagged(candidates, labels, 20, bags: 15, seed: 5);
        Assert.Equal(first.Counts, EnsembleSelection.SelectBagged(candidates, labels, 20, bags: 15, seed: 5).Counts);
        Assert.InRange(first.Size, 15, 15 * 20);
        Assert.Equal(1.0, first.Weights.Sum(), 9);
        // Its scores are the summed ensemble's on all the examples.
        var combined = EnsembleSelection.Combine(candidates, first.Weights);
        Assert.Equal(EnsembleSelection.Accuracy(combined, labels), first.Accuracy);
        Assert.Equal(labels.Select((l, i) => -Math.Log(combined[i][l])).Average(), first.LogLoss, 5);
    }

    [Fact]
    public void BaggedSelectionKeepsOutAModelThatOnlyHurts()
    {
        float[][] good = Model(0, 1, 2, 3, 4), bad = Model(), other = Model(1, 2, 3, 4, 5);

        var choice = EnsembleSelection.SelectBagged([bad, good, other], Labels, size: 20, bags: 10, seed: 1);

        Assert.Equal(0, choice.Counts[0]);
        Assert.True(choice.Counts[1] > 0 && choice.Counts[2] > 0, $"counts {string.Join(", ", choice.Counts)}");
    }

    [Fact]
    public void OnFewExamplesBaggingGeneralisesBetterThanOneGreedyRun()
    {
        // Twelve equally skilled models with independent errors, chosen on 100 examples and scored on 4,000 others: one
        // greedy run fits the 100 examples' noise with a few models; the bagged choice averages more of them. Over 20
        // draws its mean held-out accuracy is higher.
        double plain = 0, bagged = 0;
        for (var draw = 0; draw < 20; draw++)
        {
            var random = new Random(100 + draw);
            var (labels, candidates) = Noisy(random, models: 12, examples: 4_100, skill: 0.6);
            List<float[][]> fit = [.. candidates.Select(c => c[..100])], held = [.. candidates.Select(c => c[100..])];
            int[] fitLabels = labels[..100], heldLabels = labels[100..];
            plain += EnsembleSelection.Accuracy(EnsembleSelection.Combine(held, EnsembleSelection.Select(fit, fitLabels, 20).Weights), heldLabels)!.Value / 20;
            bagged += EnsembleSelection.Accuracy(EnsembleSelection.Combine(held, EnsembleSelection.SelectBagged(fit, fitLabels, 20, bags: 20, seed: draw).Weights), heldLabels)!.Value / 20;
        }

        Assert.True(bagged > plain, $"bagged {bagged:0.0000}, one run {plain:0.0000}");
    }

    [Fact]
    public void AMinimumWeightDropsRarelyPickedCandidatesAndKeepsTheRest()
    {
        var (labels, candidates) = Noisy(new Random(7), models: 12, examples: 150, skill: 0.6);
        var all = EnsembleSelection.SelectBagged(candidates, labels, 20, bags: 20, seed: 2);
        var rare = all.Weights.Where(w => w is > 0 and < 0.07).Count();
        Assert.True(rare > 0, $"weights {string.Join(", ", all.Weights)}: the draw has no rarely picked candidate to drop");

        var pruned = EnsembleSelection.SelectBagged(candidates, labels, 20, bags: 20, seed: 2, minWeight: 0.07);

        Assert.Equal(all.Counts.Select(c => c >= 0.07 * all.Size ? c : 0), pruned.Counts);
        Assert.Equal(1.0, pruned.Weights.Sum(), 9);
        Assert.Equal(EnsembleSelection.Accuracy(EnsembleSelection.Combine(candidates, pruned.Weights), labels), pruned.Accuracy);
        // A threshold above every share still keeps the most picked candidate, alone.
        var top = EnsembleSelection.SelectBagged(candidates, labels, 20, bags: 20, seed: 2, minWeight: 0.99);
        Assert.Equal(Array.IndexOf([.. all.Counts], all.Counts.Max()), Array.FindIndex([.. top.Counts], c => c > 0));
        Assert.Equal(1, top.Counts.Count(c => c > 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnsembleSelection.SelectBagged(candidates, labels, 20, bags: 20, seed: 2, minWeight: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnsembleSelection.SelectBagged(candidates, labels, 20, bags: 20, seed: 2, minWeight: double.NaN));
    }

    [Fact]
    public void BagsFallFromTheMostToTheFewestAsTheHeldOutSetGrows()
    {
        Assert.Equal(100, EnsembleSelection.BagsFor(720));
        Assert.Equal(100, EnsembleSelection.BagsFor(1_000));
        Assert.Equal(50, EnsembleSelection.BagsFor(2_000));
        Assert.Equal(20, EnsembleSelection.BagsFor(5_000));
        Assert.Equal(20, EnsembleSelection.BagsFor(1_000_000));
        Assert.Equal(7, EnsembleSelection.BagsFor(10, fewest: 7, most: 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnsembleSelection.BagsFor(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnsembleSelection.BagsFor(10, fewest: 30, most: 20));
    }

    [Fact]
    public void MoreBagsGiveWeightsThatDependLessOnTheSeed()
    {
        // The same candidates and examples bagged with eight seeds: how much each candidate's weight moves with the seed is
        // the resampling's Monte Carlo noise, which falls as 1/sqrt(bags) (0.45 from 20 to 100 bags).
        var (labels, candidates) = Noisy(new Random(11), models: 8, examples: 150, skill: 0.6);
        double Spread(int bags)
        {
            var weights = Enumerable.Range(0, 8).Select(seed => EnsembleSelection.SelectBagged(candidates, labels, 20, bags, seed).Weights).ToArray();
            return Enumerable.Range(0, candidates.Count).Sum(c =>
            {
                var mean = weights.Average(w => w[c]);
                return Math.Sqrt(weights.Sum(w => (w[c] - mean) * (w[c] - mean)) / (weights.Length - 1));
            });
        }

        double few = Spread(20), many = Spread(100);

        Assert.True(many < 0.7 * few, $"weight spread over seeds: 100 bags {many:0.0000}, 20 bags {few:0.0000}");
    }

    [Fact]
    public void CombineIsTheWeightedMean()
    {
        float[][] a = [[1f, 0f]], b = [[0f, 1f]];

        var mixed = EnsembleSelection.Combine([a, b], [3, 1]);

        Assert.Equal(0.75f, mixed[0][0], 6);
        Assert.Equal(0.25f, mixed[0][1], 6);
    }

    /// <summary>
    /// Labels of four classes and <paramref name="models"/> models that, independently per example, lean towards the true
    /// class with probability <paramref name="skill"/> and towards a random other class otherwise.
    /// </summary>
    private static (int[] Labels, List<float[][]> Candidates) Noisy(Random random, int models, int examples, double skill)
    {
        int[] labels = [.. Enumerable.Range(0, examples).Select(_ => random.Next(4))];
        List<float[][]> candidates = [.. Enumerable.Range(0, models).Select(_ => labels.Select(label =>
        {
            var lean = random.NextDouble() < skill ? label : (label + 1 + random.Next(3)) % 4;
            double[] e = [.. Enumerable.Range(0, 4).Select(k => Math.Exp(random.NextDouble() + (k == lean ? 1.5 : 0)))];
            return e.Select(v => (float)(v / e.Sum())).ToArray();
        }).ToArray())];
        return (labels, candidates);
    }

    /// <summary>Bagged greedy selection by accuracy, then log loss, then the earlier candidate, row by row.</summary>
    private static int[] PlainBagged(List<float[][]> candidates, int[] labels, int size, int bags, int seed)
    {
        var random = new Random(seed);
        var counts = new int[candidates.Count];
        for (var bag = 0; bag < bags; bag++)
        {
            int[] rows = bags == 1 ? [.. Enumerable.Range(0, labels.Length)] : [.. labels.Select(_ => random.Next(labels.Length))];
            Array.Sort(rows);
            var sum = new double[labels.Length, candidates[0][0].Length];
            var chosen = new List<int>();
            (double Accuracy, double Loss) best = (-1, 0);
            var bestSize = 0;
            for (var round = 1; round <= size; round++)
            {
                var pick = -1;
                (double Accuracy, double Loss) pickScore = default;
                for (var c = 0; c < candidates.Count; c++)
                {
                    var score = PlainScore(sum, candidates[c], round, rows, labels);
                    if (pick < 0 || score.Accuracy > pickScore.Accuracy || (score.Accuracy == pickScore.Accuracy && score.Loss < pickScore.Loss))
                    {
                        (pick, pickScore) = (c, score);
                    }
                }

                foreach (var r in Enumerable.Range(0, labels.Length))
                {
                    for (var k = 0; k < sum.GetLength(1); k++)
                    {
                        sum[r, k] += candidates[pick][r][k];
                    }
                }

                chosen.Add(pick);
                if (pickScore.Accuracy > best.Accuracy || (pickScore.Accuracy == best.Accuracy && pickScore.Loss < best.Loss))
                {
                    (best, bestSize) = (pickScore, round);
                }
            }

            foreach (var c in chosen.Take(bestSize))
            {
                counts[c]++;
            }
        }

        return counts;
    }

    private static (double Accuracy, double Loss) PlainScore(double[,] sum, float[][] candidate, int members, int[] rows, int[] labels)
    {
        var correct = 0;
        double loss = 0;
        foreach (var r in rows)
        {
            var top = 0;
            for (var k = 1; k < candidate[r].Length; k++)
            {
                if (sum[r, k] + candidate[r][k] > sum[r, top] + candidate[r][top])
                {
                    top = k;
                }
            }

            correct += top == labels[r] ? 1 : 0;
            loss -= Math.Log(Math.Max(EnsembleSelection.ProbabilityFloor, (sum[r, labels[r]] + candidate[r][labels[r]]) / members));
        }

        return ((double)correct / rows.Length, loss / rows.Length);
    }

    private static float[] Row(int label, float onLabel, float onNext)
    {
        var row = new float[3];
        (row[label], row[(label + 1) % 3]) = (onLabel, onNext);
        row[(label + 2) % 3] = 1 - onLabel - onNext;
        return row;
    }

    private static float[] Softmax(Random random)
    {
        double[] e = [.. Enumerable.Range(0, 4).Select(_ => Math.Exp(3 * random.NextDouble()))];
        return [.. e.Select(v => (float)(v / e.Sum()))];
    }
}
