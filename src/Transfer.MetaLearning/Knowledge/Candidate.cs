using Transfer.Contracts.Knowledge;

namespace Transfer.MetaLearning.Knowledge;

/// <summary>One configuration's evidence gathered over the neighbours while a recommendation is computed.</summary>
internal sealed class Candidate(TrialKnowledge representative)
{
    private readonly List<string> _datasets = [];
    private readonly List<string> _trials = [];
    private double _qualityWeight;
    private double _scoreWeight;
    private double _weight;

    public void Add(string datasetId, KnownTrial trial, double weight)
    {
        _datasets.Add(datasetId);
        _trials.Add(trial.Trial.TrialId);
        _qualityWeight += weight * trial.Quality;
        _scoreWeight += weight * trial.Trial.Score;
        _weight += weight;
    }

    /// <summary>The recommendation, its utility counting <paramref name="untriedQuality"/> for the neighbours that did not try it.</summary>
    public ConfigurationRecommendation ToRecommendation(double totalWeight, double untriedQuality) => new(
        representative.Configuration,
        _scoreWeight / _weight,
        totalWeight > 0 ? (_qualityWeight + (Math.Max(0, totalWeight - _weight) * untriedQuality)) / totalWeight : 0,
        _datasets,
        _trials);
}
