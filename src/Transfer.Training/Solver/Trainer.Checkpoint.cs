using System.Text;
using System.Text.Json;
using Transfer.Contracts.Training;

namespace Transfer.Training.Solver;

/// <summary>Checkpoints: a JSON header (seed, step, solver, spec, curve, pending loss) then weights then optimizer state.</summary>
public sealed partial class Trainer
{
    private const string Magic = "TRANSFER-CHECKPOINT-1";

    /// <summary>
    /// Writes the run's state to <paramref name="destination"/>. Call it between runs, or from a running trainer via
    /// <see cref="TrainerControl.CheckpointAsync"/>. The RNG state is the seed and the step: batch order,
    /// augmentation and dropout are drawn from them.
    /// </summary>
    public async Task SaveCheckpointAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            var header = new CheckpointHeader(_options.Seed, Step, Solver, _model.Spec, [.. _curve], _lossSum, _lossCount);
            writer.Write(Magic);
            writer.Write(JsonSerializer.Serialize(header, TrainingJson.Options));
            WriteSection(writer, s => _model.save(s));
            WriteSection(writer, s =>
            {
                using var w = new BinaryWriter(s, Encoding.UTF8, leaveOpen: true);
                _optimizer.save_state_dict(w);
            });
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(destination, cancellationToken);
        await destination.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Restores a checkpoint into this trainer (built for the same spec and data, not yet run). The seed in the
    /// checkpoint must equal this trainer's seed.
    /// </summary>
    public async Task RestoreCheckpointAsync(Stream source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var buffer = new MemoryStream();
        await source.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        using var reader = new BinaryReader(buffer, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("not a Transfer training checkpoint");
        }

        var header = JsonSerializer.Deserialize<CheckpointHeader>(reader.ReadString(), TrainingJson.Options)
            ?? throw new InvalidDataException("empty checkpoint header");
        if (header.Seed != _options.Seed)
        {
            throw new InvalidOperationException($"checkpoint seed {header.Seed} differs from the trainer's seed {_options.Seed}");
        }

        if (header.Spec.ToString() != _model.Spec.ToString() || header.Spec.Input != _model.Spec.Input)
        {
            throw new InvalidOperationException($"checkpoint model {header.Spec} differs from {_model.Spec}");
        }

        if (header.Spec.FrozenBlocks != _model.Spec.FrozenBlocks)
        {
            _model.SetFrozenBlocks(header.Spec.FrozenBlocks);
        }

        _model.load(new MemoryStream(ReadSection(reader)));
        Solver = header.Solver;
        _optimizer.Dispose();
        _groups = _model.ParameterGroups();
        _optimizer = OptimizerFactory.Create(_groups, Solver);
        using (var optimizerReader = new BinaryReader(new MemoryStream(ReadSection(reader))))
        {
            _optimizer.load_state_dict(optimizerReader);
        }

        _optimizer.to(_model.parameters().First().device);
        Step = header.Step;
        _curve.Clear();
        _curve.AddRange(header.Curve);
        _lossSum = header.PendingLossSum;
        _lossCount = header.PendingLossCount;
    }

    private static void WriteSection(BinaryWriter writer, Action<Stream> write)
    {
        using var section = new MemoryStream();
        write(section);
        var bytes = section.ToArray();
        writer.Write(bytes.LongLength);
        writer.Write(bytes);
    }

    private static byte[] ReadSection(BinaryReader reader)
    {
        var length = reader.ReadInt64();
        return reader.ReadBytes(checked((int)length));
    }

    private sealed record CheckpointHeader(
        int Seed, int Step, SolverConfig Solver, ModelSpec Spec, IReadOnlyList<TrainingReport> Curve, double PendingLossSum, int PendingLossCount);
}
