using MathNet.Numerics.LinearAlgebra;

namespace Transfer.Search.Samplers.Gp;

/// <summary>
/// A zero-mean GP with an ARD Matérn 5/2 kernel on feature columns grouped into kernel dimensions (a categorical's one-hot
/// columns share one length scale). Hyper-parameters <c>[log l_1..log l_D, log signal, log noise]</c>. Linear algebra
/// (Cholesky, solves, products) is MathNet.Numerics.
/// </summary>
internal sealed class GaussianProcess
{
    private static readonly double _sqrt5 = Math.Sqrt(5);
    private readonly int[] _group;
    private readonly int _dims;
    private readonly double[][] _x;
    private readonly Matrix<double> _w;
    private readonly Vector<double> _alpha;
    private readonly double[] _invL2;
    private readonly double _signal;

    public GaussianProcess(double[][] x, double[] y, double[] extraNoise, int[] group, int dims, double[] theta)
    {
        _x = x;
        _group = group;
        _dims = dims;
        _invL2 = [.. Enumerable.Range(0, dims).Select(d => Math.Exp(-2 * theta[d]))];
        _signal = Math.Exp(theta[dims]);
        var k = Covariance(x, extraNoise, theta);
        var chol = k.Cholesky();
        _alpha = chol.Solve(Vector<double>.Build.DenseOfArray(y));
        _w = chol.Solve(Matrix<double>.Build.DenseIdentity(x.Length));
    }

    /// <summary>Posterior means and variances at the candidate feature rows.</summary>
    public (double[] Mean, double[] Variance) Predict(double[][] candidates)
    {
        var n = _x.Length;
        var m = candidates.Length;
        var ks = Matrix<double>.Build.Dense(n, m);
        for (var j = 0; j < m; j++)
        {
            for (var i = 0; i < n; i++)
            {
                ks[i, j] = _signal * Matern(Math.Sqrt(ScaledDistance(_x[i], candidates[j], _invL2)));
            }
        }

        var mean = (ks.TransposeThisAndMultiply(_alpha)).ToArray();
        var wk = _w * ks;
        var variance = new double[m];
        for (var j = 0; j < m; j++)
        {
            var quad = 0.0;
            for (var i = 0; i < n; i++)
            {
                quad += ks[i, j] * wk[i, j];
            }

            variance[j] = Math.Max(1e-12, _signal - quad);
        }

        return (mean, variance);
    }

    /// <summary>Log marginal likelihood and its gradient in theta (without priors).</summary>
    public static (double Value, double[] Gradient) LogMarginal(double[][] x, double[] y, double[] extraNoise, int[] group, int dims, double[] theta)
    {
        var n = x.Length;
        var k = Covariance(x, extraNoise, theta, group, dims);
        var chol = k.Cholesky();
        var alpha = chol.Solve(Vector<double>.Build.DenseOfArray(y));
        var w = chol.Solve(Matrix<double>.Build.DenseIdentity(n));
        var value = -0.5 * y.Select((v, i) => v * alpha[i]).Sum() - 0.5 * chol.DeterminantLn - 0.5 * n * Math.Log(2 * Math.PI);

        var invL2 = Enumerable.Range(0, dims).Select(d => Math.Exp(-2 * theta[d])).ToArray();
        var signal = Math.Exp(theta[dims]);
        var noise = Math.Exp(theta[dims + 1]);
        var grad = new double[dims + 2];
        var perDim = new double[dims];
        for (var i = 0; i < n; i++)
        {
            grad[dims + 1] += 0.5 * (alpha[i] * alpha[i] - w[i, i]) * noise;
            for (var j = 0; j < n; j++)
            {
                var a = 0.5 * (alpha[i] * alpha[j] - w[i, j]);
                Array.Clear(perDim);
                var r2 = 0.0;
                for (var c = 0; c < x[i].Length; c++)
                {
                    var diff = x[i][c] - x[j][c];
                    var s = diff * diff * invL2[group[c]];
                    perDim[group[c]] += s;
                    r2 += s;
                }

                var r = Math.Sqrt(r2);
                var e = Math.Exp(-_sqrt5 * r);
                grad[dims] += a * signal * (1 + _sqrt5 * r + 5 * r2 / 3) * e;
                var common = a * signal * (5.0 / 3) * (1 + _sqrt5 * r) * e;
                for (var d = 0; d < dims; d++)
                {
                    grad[d] += common * perDim[d];
                }
            }
        }

        return (value, grad);
    }

    private Matrix<double> Covariance(double[][] x, double[] extraNoise, double[] theta) => Covariance(x, extraNoise, theta, _group, _dims);

    private static Matrix<double> Covariance(double[][] x, double[] extraNoise, double[] theta, int[] group, int dims)
    {
        var n = x.Length;
        var invL2 = Enumerable.Range(0, dims).Select(d => Math.Exp(-2 * theta[d])).ToArray();
        var signal = Math.Exp(theta[dims]);
        var noise = Math.Exp(theta[dims + 1]);
        var k = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            k[i, i] = signal + noise + extraNoise[i] + 1e-8;
            for (var j = 0; j < i; j++)
            {
                var v = signal * Matern(Math.Sqrt(ScaledDistance(x[i], x[j], invL2, group)));
                k[i, j] = v;
                k[j, i] = v;
            }
        }

        return k;
    }

    private double ScaledDistance(double[] a, double[] b, double[] invL2) => ScaledDistance(a, b, invL2, _group);

    private static double ScaledDistance(double[] a, double[] b, double[] invL2, int[] group)
    {
        var r2 = 0.0;
        for (var c = 0; c < a.Length; c++)
        {
            var diff = a[c] - b[c];
            r2 += diff * diff * invL2[group[c]];
        }

        return r2;
    }

    private static double Matern(double r) => (1 + _sqrt5 * r + 5 * r * r / 3) * Math.Exp(-_sqrt5 * r);
}
