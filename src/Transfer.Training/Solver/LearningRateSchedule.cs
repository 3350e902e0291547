using Transfer.Contracts.Training;

namespace Transfer.Training.Solver;

/// <summary>Caffe's <c>lr_policy</c> formulas (plus cosine), evaluated at an iteration.</summary>
public static class LearningRateSchedule
{
    /// <summary>The base learning rate at iteration <paramref name="iteration"/> of <paramref name="totalSteps"/>.</summary>
    public static double Rate(SolverConfig solver, int iteration, int totalSteps)
    {
        ArgumentNullException.ThrowIfNull(solver);
        var b = solver.BaseLr;
        var progress = totalSteps > 0 ? Math.Min(1.0, (double)iteration / totalSteps) : 0;
        return solver.LrPolicy switch
        {
            LrPolicy.Fixed => b,
            LrPolicy.Step => b * Math.Pow(solver.Gamma, iteration / Math.Max(1, solver.StepSize)),
            LrPolicy.MultiStep => b * Math.Pow(solver.Gamma, (solver.StepValues ?? []).Count(v => iteration >= v)),
            LrPolicy.Exp => b * Math.Pow(solver.Gamma, iteration),
            LrPolicy.Inv => b * Math.Pow(1 + (solver.Gamma * iteration), -solver.Power),
            LrPolicy.Poly => b * Math.Pow(1 - progress, solver.Power),
            LrPolicy.Cosine => b * 0.5 * (1 + Math.Cos(Math.PI * progress)),
            _ => throw new ArgumentOutOfRangeException(nameof(solver), solver.LrPolicy, "unknown lr_policy"),
        };
    }
}
