namespace Transfer.Search.Samplers;

/// <summary>
/// A Latin hypercube design of <c>size</c> points in [0,1]^d, fixed by its seed: point k of dimension j lies in stratum
/// perm_j[k], jittered inside it.
/// </summary>
public sealed class LatinHypercube
{
    private readonly int[][] _permutations;
    private readonly double[][] _jitter;

    public LatinHypercube(int dimensions, int size, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Size = size;
        var random = new Random(seed);
        _permutations = new int[dimensions][];
        _jitter = new double[dimensions][];
        for (var j = 0; j < dimensions; j++)
        {
            var perm = Enumerable.Range(0, size).ToArray();
            random.Shuffle(perm);
            _permutations[j] = perm;
            _jitter[j] = [.. Enumerable.Range(0, size).Select(_ => random.NextDouble())];
        }
    }

    public int Size { get; }

    public double[] Point(int k)
    {
        var u = new double[_permutations.Length];
        for (var j = 0; j < u.Length; j++)
        {
            u[j] = (_permutations[j][k % Size] + _jitter[j][k % Size]) / Size;
        }

        return u;
    }
}
