namespace Transfer.Contracts.Jobs;

/// <summary>
/// The model a finished job registers when it ensembles its trials (<see cref="CreateJobRequest.EnsembleSize"/>): the
/// completed trials greedy ensemble selection picked (Caruana et al. 2004, as auto-sklearn; bagged over bootstrap
/// resamples of the held-out examples; trials with under 2 % of the picks left out), each with its weight in the average
/// of their class probabilities. <see cref="Score"/> is the objective on the held-out validation predictions the ensemble
/// was chosen on (out-of-fold under k-fold), so it reads high; <see cref="TestScore"/> is on the test split, which neither
/// the search nor the selection saw.
/// </summary>
/// <param name="Members">The trials in it, heaviest first.</param>
/// <param name="Score">The objective's metric (accuracy, or log loss for a loss objective) on the validation predictions.</param>
/// <param name="TestScore">Accuracy on the test split.</param>
/// <param name="Candidates">How many completed trials it was chosen from.</param>
public sealed record JobEnsemble(IReadOnlyList<EnsembleMember> Members, double? Score, double? TestScore, int Candidates);
