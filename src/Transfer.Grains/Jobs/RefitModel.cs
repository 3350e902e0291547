using Transfer.Training.Data;
using Transfer.Training.Modules;

namespace Transfer.Grains.Jobs;

/// <summary>
/// A k-fold trial's model trained again on all its non-test data, with that data (its preprocessing and test split) and
/// the seed it was trained under.
/// </summary>
internal sealed record RefitModel(SpecModule Model, PreparedData Data, int Seed) : IDisposable
{
    public void Dispose() => Model.Dispose();
}
