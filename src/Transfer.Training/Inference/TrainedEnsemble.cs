using System.Text;
using Transfer.Contracts.Training;
using Transfer.Data;
using Transfer.Training.Data;
using static TorchSharp.torch;

namespace Transfer.Training.Inference;

/// <summary>
/// Models of one configuration whose class probabilities are averaged: a k-fold trial's fold models (each trained on
/// k-1 folds, with its own preprocessing), as AutoGluon's bagging and auto-sklearn's cross-validated models predict.
/// The file is the first member as a <see cref="TrainedModel"/>, then the others: a reader of single models (fine-tuning
/// from a published model, a probe) reads the first member and ignores the rest. One member is a single model.
/// </summary>
public sealed class TrainedEnsemble : IDisposable
{
    private const string MembersMagic = "TRANSFER-MEMBERS-1";
    private readonly bool _ownsMembers;

    /// <param name="members">At least one model, all over the same classes; the first is the one single-model readers get.</param>
    /// <param name="ownsMembers">Whether <see cref="Dispose"/> disposes the members' networks.</param>
    public TrainedEnsemble(IReadOnlyList<TrainedModel> members, bool ownsMembers = true)
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

        (Members, _ownsMembers) = (members, ownsMembers);
    }

    public IReadOnlyList<TrainedModel> Members { get; }

    /// <summary>The class names, in the order of the probability columns.</summary>
    public IReadOnlyList<string> Classes => Members[0].Classes;

    /// <summary>Writes the first member as a <see cref="TrainedModel"/> does, then the count and the other members.</summary>
    public async Task SaveAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            Members[0].Write(writer);
            if (Members.Count > 1)
            {
                writer.Write(MembersMagic);
                writer.Write(Members.Count - 1);
                foreach (var member in Members.Skip(1))
                {
                    member.Write(writer);
                }
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(destination, cancellationToken);
        await destination.FlushAsync(cancellationToken);
    }

    /// <summary>Reads an ensemble written by <see cref="SaveAsync"/>, or a single <see cref="TrainedModel"/> as one member.</summary>
    public static async Task<TrainedEnsemble> LoadAsync(Stream source, Device? device = null, CancellationToken cancellationToken = default)
    {
        using var buffer = await TrainedModel.BufferAsync(source, cancellationToken);
        using var reader = new BinaryReader(buffer, Encoding.UTF8, leaveOpen: true);
        var members = new List<TrainedModel>();
        try
        {
            members.Add(TrainedModel.Read(reader, device));
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
                    members.Add(TrainedModel.Read(reader, device));
                }
            }

            return new TrainedEnsemble(members);
        }
        catch (EndOfStreamException ex)
        {
            members.ForEach(m => m.Dispose());
            throw new InvalidDataException("not a Transfer model: it ends mid-way", ex);
        }
        catch
        {
            members.ForEach(m => m.Dispose());
            throw;
        }
    }

    /// <summary>Mean class probabilities of the members for each image.</summary>
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
        return set.Count == 0 ? null : (double)probabilities.Where((p, i) => Array.IndexOf(p, p.Max()) == set.Label(i)).Count() / set.Count;
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

    private static float[][] Average(IReadOnlyList<float[][]> predictions)
    {
        var rows = predictions[0].Length;
        var result = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            var mean = new float[predictions[0][r].Length];
            foreach (var p in predictions)
            {
                for (var c = 0; c < mean.Length; c++)
                {
                    mean[c] += p[r][c] / predictions.Count;
                }
            }

            result[r] = mean;
        }

        return result;
    }
}
