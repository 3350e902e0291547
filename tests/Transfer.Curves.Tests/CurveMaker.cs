using Transfer.Contracts.Curves;

namespace Transfer.Curves.Tests;

/// <summary>Builds test curves from closed-form shapes (u = progress in [0, 1]) with seeded multiplicative noise.</summary>
internal static class CurveMaker
{
    public static LearningCurve Make(
        int points,
        Func<double, double> trainLoss,
        Func<double, double>? valLoss = null,
        Func<double, double>? valMetric = null,
        double noise = 0.0,
        int seed = 1,
        int step = 10,
        int? maxIteration = null)
    {
        var random = new Random(seed);
        double Noisy(double v, double scale) => v * Math.Exp(scale * Gaussian(random));
        var list = new CurvePoint[points];
        for (var k = 0; k < points; k++)
        {
            var u = (k + 1.0) / points;
            list[k] = new CurvePoint(
                (k + 1) * step,
                Noisy(trainLoss(u), 2 * noise),
                valLoss is null ? null : Noisy(valLoss(u), noise),
                valMetric is null ? null : Math.Clamp(valMetric(u) + (noise * 0.3 * Gaussian(random)), 0, 1));
        }

        return new LearningCurve(list, maxIteration ?? points * step, Math.Log(10));
    }

    /// <summary>The first <paramref name="count"/> reports of a curve, keeping its planned end.</summary>
    public static LearningCurve Prefix(LearningCurve curve, int count) =>
        curve with { Points = curve.Points.Take(count).ToArray() };

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
