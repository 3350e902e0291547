namespace Transfer.Search.Ensembles;

/// <summary>
/// What <see cref="EnsembleSelection.Select"/> chose: how many times each candidate was picked (its weight is its share of
/// the picks) and the ensemble's accuracy and log loss on the predictions it was chosen on. Those are in-sample: the
/// choice was fitted to them, so they read high; score the ensemble on data it did not see (a test split).
/// </summary>
/// <param name="Counts">Picks per candidate, in the candidates' order; at least one is positive.</param>
/// <param name="Accuracy">The ensemble's accuracy on the selection predictions.</param>
/// <param name="LogLoss">The ensemble's mean negative log-likelihood of the true class there.</param>
public sealed record EnsembleChoice(IReadOnlyList<int> Counts, double Accuracy, double LogLoss)
{
    /// <summary>Each candidate's weight: its share of the picks (they sum to 1).</summary>
    public IReadOnlyList<double> Weights => [.. Counts.Select(c => (double)c / Size)];

    /// <summary>How many picks the ensemble has (candidates picked twice count twice).</summary>
    public int Size => Counts.Sum();
}
