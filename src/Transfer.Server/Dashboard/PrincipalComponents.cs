using MathNet.Numerics.LinearAlgebra;

namespace Transfer.Server.Dashboard;

/// <summary>A deterministic 2-D principal-component projection (MathNet's SVD of the centred rows).</summary>
public static class PrincipalComponents
{
    /// <summary>
    /// The rows' coordinates on the first two principal components (zeros where there are fewer), and the share of the
    /// variance each explains. Each component's sign is fixed so its largest loading is positive: the same data always
    /// draws the same map.
    /// </summary>
    public static (double[][] Coordinates, double[] Explained) Project(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return ([], [0, 0]);
        }

        var x = Matrix<double>.Build.DenseOfRowArrays(rows);
        var mean = x.ColumnSums() / x.RowCount;
        var centred = x - Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (_, j) => mean[j]);
        var svd = centred.Svd(computeVectors: true);
        var total = svd.S.Sum(s => s * s);
        var coordinates = Enumerable.Range(0, rows.Count).Select(_ => new double[2]).ToArray();
        var explained = new double[2];
        for (var c = 0; c < Math.Min(2, svd.S.Count); c++)
        {
            var loading = svd.VT.Row(c);
            var sign = loading[loading.AbsoluteMaximumIndex()] < 0 ? -1.0 : 1.0;
            var scores = centred * loading * sign;
            for (var i = 0; i < rows.Count; i++)
            {
                coordinates[i][c] = scores[i];
            }

            explained[c] = total > 0 ? svd.S[c] * svd.S[c] / total : 0;
        }

        return (coordinates, explained);
    }
}
