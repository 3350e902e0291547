using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Transforms;

namespace Transfer.MetaLearning.Features;

/// <summary>
/// Quick learners trained on the subsample and scored (accuracy) on a seeded holdout: an L-BFGS maximum-entropy linear
/// model after min-max normalisation, a small tree (one-versus-all FastTree, one tree of 8 leaves), a decision stump
/// (<see cref="DecisionStump"/>) and 1-nearest-neighbour on min-max scaled features. <c>lm_best_gain</c> is the best accuracy's gain over
/// the majority class, as a fraction of what was left to gain. Missing cells are imputed with the column mean.
/// </summary>
internal static class Landmarkers
{
    public static void Compute(SampleMatrix m, int seed, double holdoutFraction, FeatureBag bag)
    {
        if (m.Rows < 4)
        {
            // Too few examples to hold any out: every learner is taken to do as well as the majority class.
            var majority = m.Rows == 0 ? 1 : m.Labels.GroupBy(y => y).Max(g => g.Count()) / (double)m.Rows;
            SetAll(bag, majority);
            return;
        }

        Impute(m);
        var order = Sampling.Choose(m.Rows, m.Rows, new Random(seed));
        var testCount = Math.Clamp((int)Math.Round(m.Rows * holdoutFraction), 1, Math.Max(1, m.Rows - 1));
        var test = order[..testCount];
        var train = order[testCount..];
        var trainMajority = MajorityClass(m, train);
        var majorityAccuracy = test.Count(i => m.Labels[i] == trainMajority) / (double)test.Length;
        if (train.Length < 2 || train.Select(i => m.Labels[i]).Distinct().Count() < 2)
        {
            SetAll(bag, majorityAccuracy);
            return;
        }

        var ml = new MLContext(seed);
        var trainView = View(ml, m, train);
        var testView = View(ml, m, test);
        var linear = Score(ml, Keys(ml).Append(ml.Transforms.NormalizeMinMax("Features")).Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(
            new LbfgsMaximumEntropyMulticlassTrainer.Options { MaximumNumberOfIterations = 100, L1Regularization = 0, L2Regularization = 0.01f, NumberOfThreads = 1 })), trainView, testView);
        var stump = DecisionStump.Accuracy(m, train, test);
        var tree = Score(ml, Tree(ml, leaves: 8), trainView, testView);
        var nn = NearestNeighbour(m, train, test);
        bag.Set("lm_linear", linear);
        bag.Set("lm_stump", stump);
        bag.Set("lm_tree", tree);
        bag.Set("lm_1nn", nn);
        var best = new[] { linear, stump, tree, nn }.Max();
        bag.Set("lm_best_gain", majorityAccuracy >= 1 ? 0 : Math.Clamp((best - majorityAccuracy) / (1 - majorityAccuracy), -1, 1));
    }

    /// <summary>The class index as an ML.NET key, ordered by value (a key type declared in the schema read back shifted).</summary>
    private static EstimatorChain<ValueToKeyMappingTransformer> Keys(MLContext ml) =>
        new EstimatorChain<ITransformer>().Append(ml.Transforms.Conversion.MapValueToKey(
            "Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue));

    private static void SetAll(FeatureBag bag, double accuracy)
    {
        foreach (var name in new[] { "lm_linear", "lm_stump", "lm_tree", "lm_1nn" })
        {
            bag.Set(name, accuracy);
        }

        bag.Set("lm_best_gain", 0);
    }

    private static IEstimator<ITransformer> Tree(MLContext ml, int leaves) =>
        Keys(ml).Append(ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfLeaves = leaves,
            NumberOfTrees = 1,
            MinimumExampleCountPerLeaf = 2,
            NumberOfThreads = 1,
        })));

    private static double Score<T>(MLContext ml, IEstimator<T> estimator, IDataView train, IDataView test)
        where T : class, ITransformer
    {
        var model = estimator.Fit(train);
        return ml.MulticlassClassification.Evaluate(model.Transform(test)).MicroAccuracy;
    }

    private static IDataView View(MLContext ml, SampleMatrix m, int[] rows)
    {
        var schema = SchemaDefinition.Create(typeof(LandmarkRow));
        schema[nameof(LandmarkRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, m.Columns);
        var data = rows.Select(r => new LandmarkRow
        {
            Features = m.Values.AsSpan(r * m.Columns, m.Columns).ToArray(),
            Label = (uint)m.Labels[r],
        }).ToList();
        return ml.Data.LoadFromEnumerable(data, schema);
    }

    private static double NearestNeighbour(SampleMatrix m, int[] train, int[] test)
    {
        var min = new float[m.Columns];
        var span = new float[m.Columns];
        for (var c = 0; c < m.Columns; c++)
        {
            var lo = train.Min(r => m.At(r, c));
            var hi = train.Max(r => m.At(r, c));
            min[c] = lo;
            span[c] = hi > lo ? 1f / (hi - lo) : 0f;
        }

        float[] Scaled(int r)
        {
            var x = new float[m.Columns];
            for (var c = 0; c < m.Columns; c++)
            {
                x[c] = (m.At(r, c) - min[c]) * span[c];
            }

            return x;
        }

        var trainRows = train.Select(Scaled).ToArray();
        var correct = 0;
        foreach (var t in test)
        {
            var q = Scaled(t);
            var best = float.PositiveInfinity;
            var label = -1;
            for (var i = 0; i < trainRows.Length; i++)
            {
                var d = System.Numerics.Tensors.TensorPrimitives.Distance(q, trainRows[i]);
                if (d < best)
                {
                    best = d;
                    label = m.Labels[train[i]];
                }
            }

            correct += label == m.Labels[t] ? 1 : 0;
        }

        return correct / (double)test.Length;
    }

    private static int MajorityClass(SampleMatrix m, int[] rows) =>
        rows.GroupBy(r => m.Labels[r]).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

    private static void Impute(SampleMatrix m)
    {
        for (var c = 0; c < m.Columns; c++)
        {
            double sum = 0;
            var n = 0;
            for (var r = 0; r < m.Rows; r++)
            {
                var v = m.At(r, c);
                if (!float.IsNaN(v))
                {
                    sum += v;
                    n++;
                }
            }

            var fill = n == 0 ? 0f : (float)(sum / n);
            for (var r = 0; r < m.Rows; r++)
            {
                if (float.IsNaN(m.Values[(r * m.Columns) + c]))
                {
                    m.Values[(r * m.Columns) + c] = fill;
                }
            }
        }
    }
}
