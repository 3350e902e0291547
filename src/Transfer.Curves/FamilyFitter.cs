using MathNet.Numerics;

namespace Transfer.Curves;

/// <summary>
/// Least-squares fits of the curve families. For a fixed rate c every family is linear in (a, b), so the fit
/// solves (a, b) in closed form (MathNet <see cref="Fit.Line(double[], double[])"/>) and searches c alone
/// (a coarse grid, then MathNet's golden-section minimiser): cheap enough for every report.
/// </summary>
internal static class FamilyFitter
{
    private const int GridSize = 12;

    public static FamilyFit? Fit(CurveFamily family, double[] x, double[] y)
    {
        if (x.Length < 3)
        {
            return null;
        }

        var basis = new double[x.Length];
        if (family == CurveFamily.Log)
        {
            return Solve(family, x, y, 0.0, basis);
        }

        var (lo, hi) = family == CurveFamily.PowerLaw ? (Math.Log(0.02), Math.Log(4.0)) : (Math.Log(0.05), Math.Log(40.0));
        var bestIndex = -1;
        var bestSse = double.PositiveInfinity;
        for (var k = 0; k < GridSize; k++)
        {
            var logC = lo + ((hi - lo) * k / (GridSize - 1));
            var fit = Solve(family, x, y, Math.Exp(logC), basis);
            if (fit is { } f && f.Sse < bestSse)
            {
                bestSse = f.Sse;
                bestIndex = k;
            }
        }

        if (bestIndex < 0)
        {
            return null;
        }

        var step = (hi - lo) / (GridSize - 1);
        var left = lo + (step * Math.Max(0, bestIndex - 1));
        var right = lo + (step * Math.Min(GridSize - 1, bestIndex + 1));
        double Objective(double logC) => Solve(family, x, y, Math.Exp(logC), basis)?.Sse ?? double.MaxValue;
        var refined = FindMinimum.OfScalarFunctionConstrained(Objective, left, right, 1e-3, 60);
        return Solve(family, x, y, Math.Exp(refined), basis);
    }

    private static FamilyFit? Solve(CurveFamily family, double[] x, double[] y, double c, double[] basis)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        for (var i = 0; i < x.Length; i++)
        {
            basis[i] = FamilyFit.Basis(family, x[i], c);
            min = Math.Min(min, basis[i]);
            max = Math.Max(max, basis[i]);
        }

        if (!(max - min > 1e-12 * Math.Max(1.0, Math.Abs(max))) || double.IsInfinity(max))
        {
            return null;
        }

        var (a, b) = MathNet.Numerics.Fit.Line(basis, y);
        var sse = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var r = y[i] - (a + (b * basis[i]));
            sse += r * r;
        }

        return double.IsFinite(sse) ? new FamilyFit(family, a, b, c, sse, x.Length) : null;
    }
}
