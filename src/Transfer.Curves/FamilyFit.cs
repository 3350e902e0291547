namespace Transfer.Curves;

/// <summary>One least-squares fit of a curve family: its parameters and residual sum of squares.</summary>
internal readonly record struct FamilyFit(CurveFamily Family, double A, double B, double C, double Sse, int Count)
{
    public int Parameters => Family == CurveFamily.Log ? 2 : 3;

    public string Name => Family switch
    {
        CurveFamily.PowerLaw => "power_law",
        CurveFamily.Exponential => "exponential",
        _ => "log",
    };

    /// <summary>Bayesian information criterion of the fit (lower is better).</summary>
    public double Bic => (Count * Math.Log(Math.Max(Sse, 1e-12) / Count)) + (Parameters * Math.Log(Count));

    public double Sigma => Math.Sqrt(Sse / Math.Max(1, Count - Parameters));

    public double Evaluate(double x) => A + (B * Basis(Family, x, C));

    /// <summary>The limit for x → ∞ where the family has one.</summary>
    public double? Asymptote => Family == CurveFamily.Log ? null : A;

    /// <summary>The x at which the curve comes within <paramref name="tolerance"/> of its asymptote.</summary>
    public double? PlateauX(double tolerance)
    {
        var gap = Math.Abs(B);
        if (Family == CurveFamily.Log || gap <= tolerance)
        {
            return Family == CurveFamily.Log ? null : 0.0;
        }

        return Family == CurveFamily.PowerLaw
            ? Math.Pow(gap / tolerance, 1.0 / C)
            : Math.Log(gap / tolerance) / C;
    }

    public static double Basis(CurveFamily family, double x, double c) => family switch
    {
        CurveFamily.PowerLaw => Math.Pow(x, -c),
        CurveFamily.Exponential => Math.Exp(-c * x),
        _ => Math.Log(x),
    };
}
