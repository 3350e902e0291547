namespace Transfer.Training.Data;

/// <summary>
/// Seeded stratified splits: every class is shuffled on its own and cut in the same proportions, so each split keeps
/// the class balance of the whole. Also k-fold and repeated k-fold splits for scoring on small data.
/// </summary>
public static class StratifiedSplitter
{
    /// <summary>
    /// Splits examples into train, validation and test by class. Each class with at least one example keeps at
    /// least one in train; validation and test take <c>round(n · fraction)</c> of each class.
    /// </summary>
    public static DataSplit Split(IReadOnlyList<int> labels, double validationFraction, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (validationFraction < 0 || testFraction < 0 || validationFraction + testFraction >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), "fractions must be ≥ 0 and sum below 1");
        }

        var rng = new Random(seed);
        List<int> train = [], validation = [], test = [];
        foreach (var members in ByClass(labels))
        {
            Shuffle(members, rng);
            var n = members.Length;
            var nTest = Math.Min((int)Math.Round(n * testFraction), Math.Max(0, n - 1));
            var nVal = Math.Min((int)Math.Round(n * validationFraction), Math.Max(0, n - 1 - nTest));
            test.AddRange(members.AsSpan(0, nTest));
            validation.AddRange(members.AsSpan(nTest, nVal));
            train.AddRange(members.AsSpan(nTest + nVal));
        }

        return new DataSplit(Sorted(train), Sorted(validation), Sorted(test));
    }

    /// <summary>
    /// Stratified k-fold: fold i is the validation split of the i-th result and the other folds are its train split
    /// (test is empty). Each class is dealt round-robin over the folds after a seeded shuffle.
    /// </summary>
    public static IReadOnlyList<DataSplit> KFold(IReadOnlyList<int> labels, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var rng = new Random(seed);
        var foldOf = new int[labels.Count];
        var next = 0;
        foreach (var members in ByClass(labels))
        {
            Shuffle(members, rng);
            foreach (var index in members)
            {
                foldOf[index] = next++ % folds;
            }
        }

        return Enumerable.Range(0, folds).Select(f => new DataSplit(
            Enumerable.Range(0, labels.Count).Where(i => foldOf[i] != f).ToArray(),
            Enumerable.Range(0, labels.Count).Where(i => foldOf[i] == f).ToArray(),
            [])).ToList();
    }

    /// <summary>
    /// Stratified k-fold with a held-out test split: first the test split is cut by class exactly as
    /// <see cref="Split"/> cuts it (same seed, same fraction, so the same test examples), then the rest is dealt into
    /// <paramref name="folds"/> stratified folds. Result i trains on every fold but i, validates on fold i, and carries
    /// the shared test split, which is in no fold.
    /// </summary>
    public static IReadOnlyList<DataSplit> HoldOutKFold(IReadOnlyList<int> labels, int folds, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var holdOut = Split(labels, 0, testFraction, seed);
        var rest = holdOut.Train;
        var inner = KFold([.. rest.Select(i => labels[i])], folds, Seeds.Derive(seed, folds, stream: 13));
        return [.. inner.Select(f => new DataSplit(
            [.. f.Train.Select(i => rest[i])],
            [.. f.Validation.Select(i => rest[i])],
            holdOut.Test))];
    }

    /// <summary><paramref name="repeats"/> independent k-fold partitions (seeds derived from <paramref name="seed"/>).</summary>
    public static IReadOnlyList<DataSplit> RepeatedKFold(IReadOnlyList<int> labels, int folds, int repeats, int seed) =>
        Enumerable.Range(0, repeats).SelectMany(r => KFold(labels, folds, Seeds.Derive(seed, r, stream: 7))).ToList();

    private static IEnumerable<int[]> ByClass(IReadOnlyList<int> labels) =>
        Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key).Select(g => g.ToArray());

    private static void Shuffle(int[] items, Random rng)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static int[] Sorted(List<int> items)
    {
        items.Sort();
        return [.. items];
    }
}
