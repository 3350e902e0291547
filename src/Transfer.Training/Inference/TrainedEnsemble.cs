using System.Text;
using Transfer.Contracts.Training;
using Transfer.Data;
using Transfer.Search.Ensembles;
using Transfer.Training.Data;
using static TorchSharp.torch;

namespace Transfer.Training.Inference;

/// <summary>
/// Models whose class probabilities are averaged, each with a weight (equal unless given): a k-fold trial's fold models
/// (each trained on k-1 folds, with its own preprocessing), as AutoGluon's bagging and auto-sklearn's cross-validated
/// models predict, or a job's ensemble of trials (<see cref="ComposeAsync"/>), as auto-sklearn's ensemble selection
/// weighs its models. The file is the first member as a <see cref="TrainedModel"/>, then the others, then the weights
/// when they are not equal: a reader of single models (fine-tuning from a published model, a probe) reads the first
/// member and ignores the rest. One member is a single model.
/// </summary>
public sealed class TrainedEnsemble : IDisposable
{
    private const string MembersMagic = "TRANSFER-MEMBERS-1";
    private const string WeightsMagic = "TRANSFER-WEIGHTS-1";
    private readonly bool _ownsMembers;

    /// <param name="members">At least one model, all over the same classes; the first is the one single-model readers get.</param>
    /// <param name="ownsMembers">Whether <see cref="Dispose"/> disposes the members' networks.</param>
    /// <param name="weights">One positive weight per member (normalised to sum to 1); null for equal weights.</param>
    public TrainedEnsemble(IReadOnlyList<TrainedModel> members, bool ownsMembers = true, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("an ensemble needs at least one model", nameof(members));
        }

        if (members.Any(m => !m.Classes.SequenceEqual(members[0].Classes)))
        {
            throw new ArgumentException("every member must predict the same classes, in the same order", nameof(members));
        }

        (Members, _ownsMembers, Weights) = (members, ownsMembers, Normalise(weights, members.Count));
    }

    public IReadOnlyList<TrainedModel> Members { get; }

    /// <summary>Each member's weight in the average; they sum to 1.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>The class names, in the order of the probability columns.</summary>
    public IReadOnlyList<string> Classes => Members[0].Classes;

    /// <summary>Writes the first member as a <see cref="TrainedModel"/> does, then the count and the other members, then unequal weights.</summary>
    public async Task SaveAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await WriteAsync(destination, writer => WriteLayout(writer, Members, Weights, (w, member) => member.Write(w)), cancellationToken);
    }

    /// <summary>Reads an ensemble written by <see cref="SaveAsync"/>, or a single <see cref="TrainedModel"/> as one member.</summary>
    public static async Task<TrainedEnsemble> LoadAsync(Stream source, Device? device = null, CancellationToken cancellationToken = default)
    {
        using var buffer = await TrainedModel.BufferAsync(source, cancellationToken);
        var members = new List<TrainedModel>();
        try
        {
            var weights = ReadLayout(buffer, members, reader => TrainedModel.Read(reader, device), cancellationToken);
            return new TrainedEnsemble(members, weights: weights);
        }
        catch
        {
            members.ForEach(m => m.Dispose());
            throw;
        }
    }

    /// <summary>
    /// Writes one ensemble of the models in <paramref name="parts"/> (each a model or an ensemble file), part i weighing
    /// <c>Weight</c> (its members sharing it as they share their own file's weight), without building any network: a
    /// job's ensemble of trials, each itself a fold ensemble. Parts are kept in the order given, so the first part's
    /// first member is what single-model readers get.
    /// </summary>
    public static async Task ComposeAsync(IReadOnlyList<(Stream Source, double Weight)> parts, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(destination);
        if (parts.Count == 0 || parts.Any(p => !(p.Weight > 0) || !double.IsFinite(p.Weight)))
        {
            throw new ArgumentException("at least one part, each with a positive weight", nameof(parts));
        }

        var chunks = new List<byte[]>();
        var weights = new List<double>();
        foreach (var (source, weight) in parts)
        {
            using var buffer = await TrainedModel.BufferAsync(source, cancellationToken);
            var members = new List<byte[]>();
            var own = ReadLayout(buffer, members, TrainedModel.ReadRaw, cancellationToken);
            chunks.AddRange(members);
            weights.AddRange(own.Select(w => w * weight));
        }

        await WriteAsync(destination, writer => WriteLayout(writer, chunks, Normalise(weights, chunks.Count), (w, chunk) => w.Write(chunk)), cancellationToken);
    }

    /// <summary>Writes a whole file in memory first, then copies it to <paramref name="destination"/> (a blob upload wants one stream).</summary>
    private static async Task WriteAsync(Stream destination, Action<BinaryWriter> write, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(destination, cancellationToken);
        await destination.FlushAsync(cancellationToken);
    }

    private static void WriteLayout<T>(BinaryWriter writer, IReadOnlyList<T> members, IReadOnlyList<double> weights, Action<BinaryWriter, T> write)
    {
        write(writer, members[0]);
        if (members.Count > 1)
        {
            writer.Write(MembersMagic);
            writer.Write(members.Count - 1);
            foreach (var member in members.Skip(1))
            {
                write(writer, member);
            }

            if (weights.Any(w => w != weights[0]))
            {
                writer.Write(WeightsMagic);
                writer.Write(weights.Count);
                foreach (var w in weights)
                {
                    writer.Write(w);
                }
            }
        }
    }

    /// <summary>Reads the members into <paramref name="members"/> (as they are read, so a caller can dispose them on a failure) and returns their weights.</summary>
    private static IReadOnlyList<double> ReadLayout<T>(MemoryStream buffer, List<T> members, Func<BinaryReader, T> read, CancellationToken cancellationToken)
    {
        using var reader = new BinaryReader(buffer, Encoding.UTF8, leaveOpen: true);
        try
        {
            members.Add(read(reader));
            if (buffer.Position < buffer.Length)
            {
                if (reader.ReadString() != MembersMagic)
                {
                    throw new InvalidDataException("not a Transfer model: unknown data after the first model");
                }

                var others = reader.ReadInt32();
                for (var i = 0; i < others; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    members.Add(read(reader));
                }
            }

            if (buffer.Position < buffer.Length)
            {
                if (reader.ReadString() != WeightsMagic || reader.ReadInt32() != members.Count)
                {
                    throw new InvalidDataException("not a Transfer model: unknown data after its members");
                }

                double[] weights = [.. Enumerable.Range(0, members.Count).Select(_ => reader.ReadDouble())];
                if (weights.Any(w => !(w > 0) || !double.IsFinite(w)))
                {
                    throw new InvalidDataException("not a Transfer model: a member's weight is not positive");
                }

                return weights;
            }

            return Normalise(null, members.Count);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("not a Transfer model: it ends mid-way", ex);
        }
    }

    private static double[] Normalise(IReadOnlyList<double>? weights, int count)
    {
        if (weights is null)
        {
            return [.. Enumerable.Repeat(1.0 / count, count)];
        }

        if (weights.Count != count || weights.Any(w => !(w > 0) || !double.IsFinite(w)))
        {
            throw new ArgumentException($"one positive weight per member ({count})", nameof(weights));
        }

        var total = weights.Sum();
        return [.. weights.Select(w => w / total)];
    }

    /// <summary>Weighted mean class probabilities of the members for each image.</summary>
    public float[][] Predict(ImageData images, CancellationToken cancellationToken = default) =>
        Average([.. Members.Select(m => m.Predict(images, cancellationToken))]);

    /// <summary>Mean class probabilities of the members for each table row (columns matched by name, as a member does).</summary>
    public float[][] Predict(TabularData table, CancellationToken cancellationToken = default) =>
        Average([.. Members.Select(m => m.Predict(table, cancellationToken))]);

    /// <summary>
    /// Mean class probabilities for examples given to each member as a set prepared with that member's preprocessing:
    /// <paramref name="sets"/>[i] for member i, the same examples in the same order.
    /// </summary>
    public float[][] Predict(IReadOnlyList<IExampleSet> sets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sets);
        if (sets.Count != Members.Count || sets.Any(s => s.Count != sets[0].Count))
        {
            throw new ArgumentException($"one set per member ({Members.Count}), all of the same examples", nameof(sets));
        }

        return Average([.. Members.Select((m, i) => m.Predict(sets[i], cancellationToken))]);
    }

    /// <summary>
    /// The folds a fold ensemble averages, best first: every fold whose validation accuracy is not significantly below the
    /// best fold's (a two-proportion test: the gap within two standard errors of a difference of two accuracies, each
    /// measured on its own validation fold). A fold that did not learn (with few epochs a fold can stay at chance while the
    /// others reach 95 %) would otherwise pull the average down with confident wrong answers; folds that differ only by
    /// validation noise all stay (the best fold's accuracy is the highest of k noisy values, so a test against it alone
    /// would drop good folds).
    /// </summary>
    public static int[] FoldsToAverage(IReadOnlyList<int> byValidation, IReadOnlyList<ValidationMetrics?> validation)
    {
        ArgumentNullException.ThrowIfNull(byValidation);
        ArgumentNullException.ThrowIfNull(validation);
        if (validation[byValidation[0]] is not { Examples: > 0 } best)
        {
            return [byValidation[0]];
        }

        bool Level(ValidationMetrics fold)
        {
            var p = (best.Accuracy + fold.Accuracy) / 2;
            var n = Math.Min(best.Examples, Math.Max(1, fold.Examples));
            var standardError = Math.Sqrt(Math.Max(p * (1 - p), 1.0 / n) * ((1.0 / best.Examples) + (1.0 / Math.Max(1, fold.Examples))));
            return best.Accuracy - fold.Accuracy <= 2 * standardError;
        }

        return [.. byValidation.Where(f => validation[f] is { } v && Level(v))];
    }

    /// <summary>The share of <paramref name="probabilities"/> rows whose most likely class is the set's label; null for none.</summary>
    public static double? Accuracy(float[][] probabilities, IExampleSet set)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(set);
        return EnsembleSelection.Accuracy(probabilities, [.. Enumerable.Range(0, set.Count).Select(set.Label)]);
    }

    public void Dispose()
    {
        if (_ownsMembers)
        {
            foreach (var member in Members)
            {
                member.Dispose();
            }
        }
    }

    private float[][] Average(IReadOnlyList<float[][]> predictions) => EnsembleSelection.Combine(predictions, Weights);
}
