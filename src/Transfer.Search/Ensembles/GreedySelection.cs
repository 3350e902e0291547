using System.Numerics;

namespace Transfer.Search.Ensembles;

/// <summary>
/// The greedy rounds of <see cref="EnsembleSelection"/>, laid out for speed: each candidate's probabilities are held
/// class by class over the examples (floats, widened to doubles when added, so that the sums equal the plain row-by-row
/// arithmetic's bit for bit), and an example is scored right when its true class's summed probability is above every
/// other class's (or equal to a later class's: the first class wins a tie), which compares whole vectors of examples at
/// once. A run weighs the examples (a bootstrap resample is the count of each example's draws), so the resamples of a
/// bagged selection share one layout. Log loss breaks accuracy ties and is only computed when there is one to break (or
/// when it ranks first).
/// </summary>
internal sealed class GreedySelection
{
    private static readonly int Width = Vector<double>.Count;
    private static readonly int Step = Vector<float>.Count;
    private readonly int _rows;
    private readonly int _padded;
    private readonly int _classes;
    private readonly float[][] _columns;
    private readonly float[][] _truth;
    private readonly double[] _labels;
    // The ensemble's summed probabilities, class by class, and of each example's true class: cleared by each run, so
    // runs go one at a time.
    private readonly double[] _sum;
    private readonly double[] _sumTruth;

    /// <param name="candidates">Validated: each candidate has one row per label, every row <paramref name="classes"/> probabilities.</param>
    public GreedySelection(IReadOnlyList<float[][]> candidates, IReadOnlyList<int> labels, int classes)
    {
        _rows = labels.Count;
        _padded = (_rows + Step - 1) / Step * Step;
        _classes = classes;
        _labels = new double[_padded];
        _sum = new double[classes * _padded];
        _sumTruth = new double[_padded];
        for (var r = 0; r < _rows; r++)
        {
            _labels[r] = labels[r];
        }

        _columns = new float[candidates.Count][];
        _truth = new float[candidates.Count][];
        for (var c = 0; c < candidates.Count; c++)
        {
            var columns = new float[classes * _padded];
            var truth = new float[_padded];
            for (var r = 0; r < _rows; r++)
            {
                var row = candidates[c][r];
                for (var k = 0; k < classes; k++)
                {
                    columns[(k * _padded) + r] = row[k];
                }

                truth[r] = row[labels[r]];
            }

            (_columns[c], _truth[c]) = (columns, truth);
        }
    }

    /// <summary>Weights that count every example once.</summary>
    public double[] Once()
    {
        var weights = new double[_padded];
        Array.Fill(weights, 1.0, 0, _rows);
        return weights;
    }

    /// <summary>The draws of each example in a bootstrap resample of as many examples as there are.</summary>
    public void Resample(Random random, double[] weights)
    {
        Array.Clear(weights);
        for (var r = 0; r < _rows; r++)
        {
            weights[random.Next(_rows)]++;
        }
    }

    /// <summary>
    /// Up to <paramref name="size"/> greedy rounds on the examples as <paramref name="weights"/> weigh them (their sum is
    /// the example count); returns the picks of the best round's ensemble (the earliest on a tie) and its scores.
    /// </summary>
    public (int[] Counts, double Accuracy, double LogLoss) Run(double[] weights, int size, bool byLoss)
    {
        var total = weights.Sum();
        Array.Clear(_sum);
        Array.Clear(_sumTruth);
        var chosen = new List<int>(size);
        (double Accuracy, double LogLoss) best = default;
        var bestSize = 0;
        for (var round = 1; round <= size; round++)
        {
            var pick = -1;
            double pickAccuracy = 0, pickLoss = double.NaN;
            var correct = Correct(weights);
            for (var c = 0; c < _columns.Length; c++)
            {
                var accuracy = correct[c] / total;
                if (byLoss)
                {
                    var loss = LogLoss(c, round, weights, total);
                    if (pick < 0 || loss < pickLoss || (loss == pickLoss && accuracy > pickAccuracy))
                    {
                        (pick, pickAccuracy, pickLoss) = (c, accuracy, loss);
                    }
                }
                else if (pick < 0 || accuracy > pickAccuracy)
                {
                    (pick, pickAccuracy, pickLoss) = (c, accuracy, double.NaN);
                }
                else if (accuracy == pickAccuracy)
                {
                    if (double.IsNaN(pickLoss))
                    {
                        pickLoss = LogLoss(pick, round, weights, total);
                    }

                    var loss = LogLoss(c, round, weights, total);
                    if (loss < pickLoss)
                    {
                        (pick, pickLoss) = (c, loss);
                    }
                }
            }

            if (double.IsNaN(pickLoss))
            {
                pickLoss = LogLoss(pick, round, weights, total);
            }

            Add(pick);
            chosen.Add(pick);
            var score = (pickAccuracy, pickLoss);
            if (bestSize == 0 || Better(score, best, byLoss))
            {
                (best, bestSize) = (score, round);
            }
        }

        var counts = new int[_columns.Length];
        foreach (var c in chosen.Take(bestSize))
        {
            counts[c]++;
        }

        return (counts, best.Accuracy, best.LogLoss);
    }

    private static bool Better((double Accuracy, double LogLoss) a, (double Accuracy, double LogLoss) b, bool byLoss) =>
        byLoss
            ? a.LogLoss < b.LogLoss || (a.LogLoss == b.LogLoss && a.Accuracy > b.Accuracy)
            : a.Accuracy > b.Accuracy || (a.Accuracy == b.Accuracy && a.LogLoss < b.LogLoss);

    /// <summary>For each candidate, the weight of the examples that the ensemble so far plus that candidate gets right.</summary>
    private double[] Correct(double[] weights)
    {
        var (sum, sumTruth) = (_sum, _sumTruth);
        var correct = new double[_columns.Length];
        for (var c = 0; c < correct.Length; c++)
        {
            var columns = _columns[c];
            var truth = _truth[c];
            var right = Vector<double>.Zero;
            for (var r = 0; r < _padded; r += Step)
            {
                // A float vector widens into two double vectors: the examples r.. and r + Width.., side by side.
                Vector.Widen(new Vector<float>(truth, r), out var truthLow, out var truthHigh);
                var mineLow = new Vector<double>(sumTruth, r) + truthLow;
                var mineHigh = new Vector<double>(sumTruth, r + Width) + truthHigh;
                var labelLow = new Vector<double>(_labels, r);
                var labelHigh = new Vector<double>(_labels, r + Width);
                Vector<long> wrongLow = Vector<long>.Zero, wrongHigh = Vector<long>.Zero;
                for (var k = 0; k < _classes; k++)
                {
                    var offset = (k * _padded) + r;
                    Vector.Widen(new Vector<float>(columns, offset), out var low, out var high);
                    var otherLow = new Vector<double>(sum, offset) + low;
                    var otherHigh = new Vector<double>(sum, offset + Width) + high;
                    var before = new Vector<double>(k);
                    wrongLow |= Vector.GreaterThan(otherLow, mineLow) | (Vector.Equals(otherLow, mineLow) & Vector.LessThan(before, labelLow));
                    wrongHigh |= Vector.GreaterThan(otherHigh, mineHigh) | (Vector.Equals(otherHigh, mineHigh) & Vector.LessThan(before, labelHigh));
                }

                right += Vector.ConditionalSelect(wrongLow, Vector<double>.Zero, new Vector<double>(weights, r))
                    + Vector.ConditionalSelect(wrongHigh, Vector<double>.Zero, new Vector<double>(weights, r + Width));
            }

            correct[c] = Vector.Sum(right);
        }

        return correct;
    }

    /// <summary>The weighted mean negative log-likelihood of the true class under the ensemble so far plus candidate <paramref name="c"/>, of <paramref name="members"/> picks.</summary>
    private double LogLoss(int c, int members, double[] weights, double total)
    {
        var (truth, sumTruth) = (_truth[c], _sumTruth);
        double loss = 0;
        for (var r = 0; r < _rows; r++)
        {
            if (weights[r] > 0)
            {
                loss -= weights[r] * Math.Log(Math.Max(EnsembleSelection.ProbabilityFloor, (sumTruth[r] + truth[r]) / members));
            }
        }

        return loss / total;
    }

    private void Add(int c)
    {
        var (columns, truth, sum, sumTruth) = (_columns[c], _truth[c], _sum, _sumTruth);
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] += columns[i];
        }

        for (var r = 0; r < _rows; r++)
        {
            sumTruth[r] += truth[r];
        }
    }
}
