namespace Transfer.Curves.Tests;

/// <summary>Clear, textbook shapes of each state for a 10-class problem (untrained loss ln 10 ≈ 2.3, chance 0.1).</summary>
internal static class Shapes
{
    public static double Decay(double u, double tau) => Math.Exp(-u / tau);

    public static double Loss(double u, double floor, double tau) => Math.Log(10) * (floor + ((1 - floor) * Decay(u, tau)));

    public static double Accuracy(double u, double final, double tau) => 0.1 + ((final - 0.1) * (1 - Decay(u, tau)));
}
