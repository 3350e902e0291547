using System.Text;
using System.Text.Json;
using Transfer.Contracts.Training;
using Transfer.Data;
using Transfer.Training.Data;
using Transfer.Training.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace Transfer.Training.Inference;

/// <summary>
/// A trained network with everything prediction needs: the spec, the weights, the train-split preprocessing and
/// the seed it was trained under. Saved to and loaded from a stream; predicts class probabilities for a batch of
/// decoded inputs in the dataset's own format (images, or table rows aligned to the training columns by name).
/// A <see cref="TrainedEnsemble"/> file starts with its first member in this format, so <see cref="LoadAsync"/> reads
/// that member of an ensemble.
/// </summary>
public sealed class TrainedModel(SpecModule module, Preprocessing preprocessing, int seed) : IDisposable
{
    private const string Magic = "TRANSFER-MODEL-1";

    /// <summary>The network.</summary>
    public SpecModule Module { get; } = module;

    /// <summary>The preprocessing inference repeats.</summary>
    public Preprocessing Preprocessing { get; } = preprocessing;

    /// <summary>The seed the model was trained under.</summary>
    public int Seed { get; } = seed;

    /// <summary>The class names, in the order of the probability columns.</summary>
    public IReadOnlyList<string> Classes => Preprocessing.Classes;

    /// <summary>Writes spec, preprocessing, seed and weights (an ensemble of this one model writes the same bytes).</summary>
    public Task SaveAsync(Stream destination, CancellationToken cancellationToken = default) =>
        new TrainedEnsemble([this], ownsMembers: false).SaveAsync(destination, cancellationToken);

    /// <summary>Reads a model written by <see cref="SaveAsync"/> onto <paramref name="device"/> (the process default when null).</summary>
    public static async Task<TrainedModel> LoadAsync(Stream source, Device? device = null, CancellationToken cancellationToken = default)
    {
        using var buffer = await BufferAsync(source, cancellationToken);
        using var reader = new BinaryReader(buffer, Encoding.UTF8, leaveOpen: true);
        return Read(reader, device);
    }

    /// <summary>The whole of <paramref name="source"/> in memory, positioned at its start (a blob stream cannot seek back).</summary>
    internal static async Task<MemoryStream> BufferAsync(Stream source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var buffer = new MemoryStream();
        await source.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Reads one model at the reader's position (what <see cref="Write"/> wrote), leaving the reader after it.</summary>
    internal static TrainedModel Read(BinaryReader reader, Device? device)
    {
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("not a Transfer model");
        }

        var header = JsonSerializer.Deserialize<ModelHeader>(reader.ReadString(), TrainingJson.Options)
            ?? throw new InvalidDataException("empty model header");
        var module = SpecModule.Create(header.Spec, header.Seed, device);
        var length = reader.ReadInt64();
        module.load(new MemoryStream(reader.ReadBytes(checked((int)length))));
        return new TrainedModel(module, header.Preprocessing, header.Seed);
    }

    /// <summary>
    /// The bytes of one model at the reader's position (what <see cref="Write"/> wrote), checked for the format's markers
    /// but not built into a network, leaving the reader after it.
    /// </summary>
    internal static byte[] ReadRaw(BinaryReader reader)
    {
        var stream = reader.BaseStream;
        var start = stream.Position;
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("not a Transfer model");
        }

        _ = reader.ReadString();
        var length = reader.ReadInt64();
        if (length < 0 || length > stream.Length - stream.Position)
        {
            throw new InvalidDataException("not a Transfer model: it ends mid-way");
        }

        var end = stream.Position + length;
        stream.Position = start;
        return reader.ReadBytes(checked((int)(end - start)));
    }

    /// <summary>Writes spec, preprocessing, seed and weights at the writer's position.</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write(Magic);
        writer.Write(JsonSerializer.Serialize(new ModelHeader(Module.Spec, Preprocessing, Seed), TrainingJson.Options));
        using var weights = new MemoryStream();
        Module.save(weights);
        var bytes = weights.ToArray();
        writer.Write(bytes.LongLength);
        writer.Write(bytes);
    }

    /// <summary>Class probabilities for each image (rows) over <see cref="Classes"/> (columns).</summary>
    public float[][] Predict(ImageData images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        var input = Preprocessing.Input;
        if (!input.IsImage || images.Channels != input.Channels || images.Height != input.Height || images.Width != input.Width)
        {
            throw new ArgumentException($"images are {images.Channels}×{images.Height}×{images.Width}; the model takes {input.Channels}×{input.Height}×{input.Width}", nameof(images));
        }

        return Predict(new ImageExampleSet(images, [.. Enumerable.Range(0, images.Count)], Preprocessing.Normalization), cancellationToken);
    }

    /// <summary>
    /// Class probabilities for each table row. Columns are matched to the training columns by name; a training column
    /// the table lacks (e.g. an unseen category's one-hot column) counts as missing.
    /// </summary>
    public float[][] Predict(TabularData table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = Preprocessing.ColumnNames ?? throw new InvalidOperationException("this model takes images");
        var sourceOf = columns.Select(c => IndexOf(table.ColumnNames, c)).ToArray();
        var features = new float[table.Rows * columns.Count];
        for (var r = 0; r < table.Rows; r++)
        {
            var row = table.Row(r);
            for (var c = 0; c < columns.Count; c++)
            {
                features[(r * columns.Count) + c] = sourceOf[c] >= 0 ? row[sourceOf[c]] : float.NaN;
            }
        }

        var aligned = table with { Columns = columns.Count, Features = features, ColumnNames = columns };
        return Predict(new TabularExampleSet(aligned, [.. Enumerable.Range(0, table.Rows)], Preprocessing.Normalization), cancellationToken);
    }

    public void Dispose() => Module.Dispose();

    /// <summary>
    /// Class probabilities for each example of a set already prepared with this model's preprocessing (e.g. the test split
    /// of the data it trained on).
    /// </summary>
    public float[][] Predict(IExampleSet set, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        var device = Module.parameters().First().device;
        var result = new float[set.Count][];
        var batch = Math.Max(1, Math.Min(256, set.Count));
        using var batcher = new Batcher(set, batch, device);
        Module.SetTraining(false);
        using var noGrad = no_grad();
        var positions = new int[batch];
        for (var start = 0; start < set.Count; start += batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(batch, set.Count - start);
            for (var k = 0; k < n; k++)
            {
                positions[k] = start + k;
            }

            using var scope = NewDisposeScope();
            var (x, _) = batcher.Next(positions.AsSpan(0, n), null);
            var probabilities = nn.functional.softmax(Module.call(x), 1).cpu().data<float>().ToArray();
            for (var k = 0; k < n; k++)
            {
                result[start + k] = probabilities.AsSpan(k * Classes.Count, Classes.Count).ToArray();
            }
        }

        return result;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    private sealed record ModelHeader(ModelSpec Spec, Preprocessing Preprocessing, int Seed);
}
