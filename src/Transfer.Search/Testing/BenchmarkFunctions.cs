using Transfer.Contracts.Search;

namespace Transfer.Search.Testing;

/// <summary>Branin, Hartmann6 and Rosenbrock (as in the BO literature), for tests and the search benchmark.</summary>
public static class BenchmarkFunctions
{
    private static readonly double[] _hAlpha = [1.0, 1.2, 3.0, 3.2];

    private static readonly double[,] _hA =
    {
        { 10, 3, 17, 3.5, 1.7, 8 },
        { 0.05, 10, 17, 0.1, 8, 14 },
        { 3, 3.5, 1.7, 10, 17, 8 },
        { 17, 8, 0.05, 10, 0.1, 14 },
    };

    private static readonly double[,] _hP =
    {
        { 0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886 },
        { 0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991 },
        { 0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650 },
        { 0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381 },
    };

    /// <summary>Branin on x1 in [-5, 10], x2 in [0, 15]; minimum 0.397887.</summary>
    public static BenchmarkFunction Branin { get; } = new(
        "branin",
        Box(("x1", -5, 10), ("x2", 0, 15)),
        c =>
        {
            double x1 = X(c, "x1"), x2 = X(c, "x2");
            var b = 5.1 / (4 * Math.PI * Math.PI);
            var t = 1 / (8 * Math.PI);
            return Math.Pow(x2 - b * x1 * x1 + 5 / Math.PI * x1 - 6, 2) + 10 * (1 - t) * Math.Cos(x1) + 10;
        },
        0.397887357729738);

    /// <summary>Hartmann 6-D on [0, 1]^6; minimum -3.32237.</summary>
    public static BenchmarkFunction Hartmann6 { get; } = new(
        "hartmann6",
        Box([.. Enumerable.Range(1, 6).Select(i => ($"x{i}", 0.0, 1.0))]),
        c =>
        {
            var sum = 0.0;
            for (var i = 0; i < 4; i++)
            {
                var inner = 0.0;
                for (var j = 0; j < 6; j++)
                {
                    var d = X(c, $"x{j + 1}") - _hP[i, j];
                    inner += _hA[i, j] * d * d;
                }

                sum += _hAlpha[i] * Math.Exp(-inner);
            }

            return -sum;
        },
        -3.32236801141551);

    /// <summary>Rosenbrock in <paramref name="dimensions"/> dimensions on [-5, 10]^d; minimum 0 at (1, ..., 1).</summary>
    public static BenchmarkFunction Rosenbrock(int dimensions) => new(
        $"rosenbrock{dimensions}",
        Box([.. Enumerable.Range(1, dimensions).Select(i => ($"x{i}", -5.0, 10.0))]),
        c =>
        {
            var sum = 0.0;
            for (var i = 1; i < dimensions; i++)
            {
                double a = X(c, $"x{i}"), b = X(c, $"x{i + 1}");
                sum += 100 * Math.Pow(b - a * a, 2) + Math.Pow(1 - a, 2);
            }

            return sum;
        },
        0);

    private static SearchSpaceDefinition Box(params (string Name, double Low, double High)[] dims) =>
        new([.. dims.Select(d => new ParameterDefinition(d.Name, ParameterKind.Float, d.Low, d.High))]);

    private static double X(IReadOnlyDictionary<string, ParameterValue> c, string name) => c[name].Number!.Value;
}
