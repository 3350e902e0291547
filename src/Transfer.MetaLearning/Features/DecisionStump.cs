namespace Transfer.MetaLearning.Features;

/// <summary>
/// The best single-feature threshold split (each side predicts its majority class), found by sorting every column of
/// the training rows; scored by accuracy on the test rows. Written directly because one-versus-all FastTree stumps cost
/// a binning pass per class for a split this simple.
/// </summary>
internal static class DecisionStump
{
    public static double Accuracy(SampleMatrix m, int[] train, int[] test)
    {
        var k = Math.Max(1, m.ClassCount);
        var order = new int[train.Length];
        var keys = new float[train.Length];
        var left = new int[k];
        var right = new int[k];
        var best = (Correct: -1, Column: 0, Threshold: 0f, Left: 0, Right: 0);
        for (var c = 0; c < m.Columns; c++)
        {
            for (var i = 0; i < train.Length; i++)
            {
                order[i] = train[i];
                keys[i] = m.At(train[i], c);
            }

            Array.Sort(keys, order);
            Array.Clear(left);
            Array.Clear(right);
            foreach (var r in order)
            {
                right[m.Labels[r]]++;
            }

            for (var i = 0; i < order.Length - 1; i++)
            {
                var y = m.Labels[order[i]];
                left[y]++;
                right[y]--;
                if (keys[i] == keys[i + 1])
                {
                    continue;
                }

                var (leftClass, leftCount) = Majority(left);
                var (rightClass, rightCount) = Majority(right);
                if (leftCount + rightCount > best.Correct)
                {
                    best = (leftCount + rightCount, c, (keys[i] + keys[i + 1]) / 2, leftClass, rightClass);
                }
            }
        }

        if (best.Correct < 0)
        {
            var (majority, _) = Majority(Count(m, train, k));
            return test.Count(r => m.Labels[r] == majority) / (double)test.Length;
        }

        var correct = test.Count(r => m.Labels[r] == (m.At(r, best.Column) <= best.Threshold ? best.Left : best.Right));
        return correct / (double)test.Length;
    }

    private static int[] Count(SampleMatrix m, int[] rows, int k)
    {
        var counts = new int[k];
        foreach (var r in rows)
        {
            counts[m.Labels[r]]++;
        }

        return counts;
    }

    private static (int Class, int Count) Majority(int[] counts)
    {
        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return (best, counts[best]);
    }
}
