namespace Transfer.MetaLearning.Features;

/// <summary>Seeded sampling helpers.</summary>
internal static class Sampling
{
    /// <summary><paramref name="count"/> distinct indices from <c>[0, n)</c> (partial Fisher-Yates), in draw order.</summary>
    public static int[] Choose(int n, int count, Random random)
    {
        count = Math.Min(count, n);
        var pool = Enumerable.Range(0, n).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, n);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool[..count];
    }
}
