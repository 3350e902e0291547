using System.Numerics;

namespace Transfer.Search.Ensembles;

/// <summary>
/// The greedy rounds of <see cref="EnsembleSelection"/>, laid out for speed: each candidate's probabilities are held
/// class by class over the examples (as doubles, so that sums equal the plain row-by-row arithmetic's bit for bit), and
/// an example is scored right when its true class's summed probability is above every other class's (or equal to a
/// later class's: the first class wins a tie), which compares whole vectors of examples at once. A run weighs the
/// examples (a bootstrap resample is the count of each example's draws), so the resamples of a bagged selection share
/// one layout. Log loss breaks accuracy ties and is only computed when there is one to break (or when it ranks first).
/// </summary>
internal sealed class GreedySelection
{
    private static readonly int Width = Vector<double>.Count;
    private readonly int _rows;
    private readonly int _padded;
    private readonly int _classes;
    private readonly double[][] _columns;
    private readonly double[][] _truth;
    private readonly double[] _labels;

    /// <param name="candidates">Validated: each candidate has one row per label, every row <paramref name="classes"/> probabilities.</param>
    public GreedySelection(IReadOnlyList<float[][]> candidates, IReadOnlyList<int> labels, int classes)
    {
        _rows = labels.Count;
        _padded = (_rows + Width - 1) / Width * Width;
        _classes = classes;
        _labels = new double[_padded];
        for (var r = 0; r < _rows; r++)
        {
            _labels[r] = labels[r];
        }

        _columns = new double[candidates.Count][];
        _truth = new double[candidates.Count][];
        for (var c = 0; c < candidates.Count; c++)
        {
            var columns = new double[classes * _padded];
            var truth = new double[_padded];
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
        var sum = new double[_classes * _padded];
        var sumTruth = new double[_padded];
        var chosen = new List<int>(size);
        (double Accuracy, double LogLoss) best = default;
        var bestSize = 0;
        for (var round = 1; round <= size; round++)
        {
            var pick = -1;
            double pickAccuracy = 0, pickLoss = double.NaN;
            var correct = Correct(sum, sumTruth, weights);
            for (var c = 0; c < _columns.Length; c++)
            {
                var accuracy = correct[c] / total;
                if (byLoss)
                {
                    var loss = LogLoss(sumTruth, c, round, weights, total);
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
                        pickLoss = LogLoss(sumTruth, pick, round, weights, total);
                    }

                    var loss = LogLoss(sumTruth, c, round, weights, total);
                    if (loss < pickLoss)
                    {
                        (pick, pickLoss) = (c, loss);
                    }
                }
            }

            if (double.IsNaN(pickLoss))
            {
                pickLoss = LogLoss(sumTruth, pick, round, weights, total);
            }

            Add(sum, sumTruth, pick);
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

    /// <summary>For each candidate, the weight of the examples that the ensemble <paramref name="sum"/> plus that candidate gets right.</summary>
    private double[] Correct(double[] sum, double[] sumTruth, double[] weights)
    {
        var correct = new double[_columns.Length];
        for (var c = 0; c < correct.Length; c++)
        {
            var columns = _columns[c];
            var truth = _truth[c];
            var right = Vector<double>.Zero;
            for (var r = 0; r < _padded; r += Width)
            {
                var label = new Vector<double>(_labels, r);
                var mine = new Vector<double>(sumTruth, r) + new Vector<double>(truth, r);
                var wrong = Vector<long>.Zero;
                for (var k = 0; k < _classes; k++)
                {
                    var offset = (k * _padded) + r;
                    var other = new Vector<double>(sum, offset) + new Vector<double>(columns, offset);
                    wrong |= Vector.GreaterThan(other, mine) | (Vector.Equals(other, mine) & Vector.LessThan(new Vector<double>(k), label));
                }

                right += Vector.ConditionalSelect(wrong, Vector<double>.Zero, new Vector<double>(weights, r));
            }

            correct[c] = Vector.Sum(right);
        }

        return correct;
    }

    /// <summary>The weighted mean negative log-likelihood of the true class under the ensemble <paramref name="sumTruth"/> plus candidate <paramref name="c"/>, of <paramref name="members"/> picks.</summary>
    private double LogLoss(double[] sumTruth, int c, int members, double[] weights, double total)
    {
        var truth = _truth[c];
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

    private void Add(double[] sum, double[] sumTruth, int c)
    {
        var columns = _columns[c];
        var truth = _truth[c];
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
