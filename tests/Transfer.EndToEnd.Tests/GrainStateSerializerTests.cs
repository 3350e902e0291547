using Newtonsoft.Json;
using Orleans.Serialization;
using Transfer.Contracts.Curves;
using Transfer.Contracts.Jobs;
using Transfer.Contracts.Search;
using Transfer.Curves;
using Transfer.Grains;
using Transfer.Grains.Jobs;

namespace Transfer.EndToEnd.Tests;

/// <summary>
/// The grain-state JSON settings (<see cref="GrainStateSerializer"/>): no type names or reference ids in what is written, and
/// states written with Orleans' default settings (type names on every object, reference ids) still read back.
/// </summary>
public sealed class GrainStateSerializerTests
{
    [Fact]
    public void StateWrittenWithOrleansDefaultSettingsReadsBack()
    {
        var legacy = new OrleansJsonSerializerOptions().JsonSerializerSettings;
        Assert.Equal(TypeNameHandling.All, legacy.TypeNameHandling);
        var written = JsonConvert.SerializeObject(Archive(), legacy);
        Assert.Contains("\"$type\"", written, StringComparison.Ordinal);

        var read = new GrainStateSerializer().Deserialize<TrialArchiveState>(BinaryData.FromString(written));

        AssertSameTrial(Archive().Trial!, read.Trial!);
    }

    [Fact]
    public void StatesAreWrittenWithoutTypeNamesAndReadBack()
    {
        var serializer = new GrainStateSerializer();
        var written = serializer.Serialize(Archive());

        Assert.DoesNotContain("\"$type\"", written.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"$id\"", written.ToString(), StringComparison.Ordinal);
        AssertSameTrial(Archive().Trial!, serializer.Deserialize<TrialArchiveState>(written).Trial!);
    }

    [Fact]
    public void RunningTrialIsWrittenWithoutItsJudgementAndFinishedTrialWithIt()
    {
        var trial = Archive().Trial!;
        trial.Status = TrialStatus.Running;
        Assert.DoesNotContain("Judgement", JsonConvert.SerializeObject(trial, Settings()), StringComparison.Ordinal);

        trial.Status = TrialStatus.Completed;
        Assert.Contains("Judgement", JsonConvert.SerializeObject(trial, Settings()), StringComparison.Ordinal);
    }

    [Fact]
    public void AFinishedJobsEnsembleReadsBack()
    {
        var serializer = new GrainStateSerializer();
        var state = new StudyState { Status = JobStatus.Completed, Ensemble = new JobEnsemble([new EnsembleMember(4, 0.75), new EnsembleMember(1, 0.25)], 0.96, 0.95, 7) };

        var read = serializer.Deserialize<StudyState>(serializer.Serialize(state)).Ensemble!;

        Assert.Equal(state.Ensemble.Members, read.Members);
        Assert.Equal((0.96, 0.95, 7), (read.Score, read.TestScore, read.Candidates));
    }

    private static JsonSerializerSettings Settings() => GrainStateSerializer.WriteSettings;

    private static TrialArchiveState Archive()
    {
        var samples = Enumerable.Range(1, 12).Select(i => new CurveSample(i / 4.0, i * 10, 1.0 / i, 1.2 / i, 0.5 + (0.03 * i), 0.01)).ToList();
        var curve = new LearningCurve([.. samples.Select(s => new CurvePoint(s.Step, s.TrainLoss!.Value, s.ValidationLoss, s.ValidationAccuracy))], 200, Math.Log(3));
        return new TrialArchiveState
        {
            Trial = new TrialEntry
            {
                Number = 3,
                Status = TrialStatus.Completed,
                Score = 0.86,
                Curve = samples,
                Configuration = new()
                {
                    ["base_lr"] = ParameterValue.Of(0.01),
                    ["optimizer"] = ParameterValue.Of("Adam"),
                    ["head"] = ParameterValue.Of([new HeadLayer(HeadLayer.Conv, 3, 32), new HeadLayer("FC", 0, 64)]),
                },
                Judgement = new CurveJudge().Judge(curve),
                Seed = 7,
            },
        };
    }

    private static void AssertSameTrial(TrialEntry expected, TrialEntry actual)
    {
        Assert.Equal(expected.Number, actual.Number);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Score, actual.Score);
        Assert.Equal(expected.Curve, actual.Curve);
        Assert.Equal(expected.Configuration["base_lr"], actual.Configuration["base_lr"]);
        Assert.Equal(expected.Configuration["optimizer"], actual.Configuration["optimizer"]);
        Assert.Equal(expected.Configuration["head"].ToNotation(), actual.Configuration["head"].ToNotation());
        Assert.Equal(expected.Judgement!.State, actual.Judgement!.State);
        Assert.Equal(expected.Judgement.Evidence, actual.Judgement.Evidence);
        Assert.Equal(expected.Judgement.Extrapolation?.Predicted, actual.Judgement.Extrapolation?.Predicted);
    }
}
