using System.Text;

namespace Transfer.Search.Ensembles;

/// <summary>
/// A trial model's class probabilities for the examples it did not train on, kept so that the job can build an
/// ensemble of its trials afterwards without running any model again: the validation examples (under k-fold every
/// non-test example once, each predicted by the fold model that did not train on it) and the test split (predicted by
/// the trial's model). Examples are identified by their index in the dataset; every trial of a job splits the data with
/// the same seed, so their predictions line up.
/// </summary>
/// <param name="ValidationIndices">Dataset indices of the validation examples, ascending.</param>
/// <param name="ValidationLabels">Their classes.</param>
/// <param name="Validation">Their class probabilities, a row per example.</param>
/// <param name="TestIndices">Dataset indices of the test examples, ascending.</param>
/// <param name="TestLabels">Their classes.</param>
/// <param name="Test">Their class probabilities.</param>
public sealed record HeldOutPredictions(int[] ValidationIndices, int[] ValidationLabels, float[][] Validation, int[] TestIndices, int[] TestLabels, float[][] Test)
{
    private const string Magic = "TRANSFER-PREDICTIONS-1";

    /// <summary>Rows of <paramref name="probabilities"/> given for <paramref name="indices"/> in any order, sorted by index.</summary>
    public static (int[] Indices, int[] Labels, float[][] Probabilities) Sorted(IReadOnlyList<int> indices, IReadOnlyList<int> labels, IReadOnlyList<float[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (labels.Count != indices.Count || probabilities.Count != indices.Count)
        {
            throw new ArgumentException($"{indices.Count} indices, {labels.Count} labels and {probabilities.Count} rows of probabilities");
        }

        int[] order = [.. Enumerable.Range(0, indices.Count).OrderBy(i => indices[i])];
        return ([.. order.Select(i => indices[i])], [.. order.Select(i => labels[i])], [.. order.Select(i => probabilities[i])]);
    }

    /// <summary>Whether <paramref name="other"/> predicts the same examples, with the same labels, as this.</summary>
    public bool LinesUpWith(HeldOutPredictions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ValidationIndices.AsSpan().SequenceEqual(other.ValidationIndices) && ValidationLabels.AsSpan().SequenceEqual(other.ValidationLabels)
            && TestIndices.AsSpan().SequenceEqual(other.TestIndices) && TestLabels.AsSpan().SequenceEqual(other.TestLabels)
            && Classes == other.Classes;
    }

    /// <summary>Columns of the probability rows (0 with no rows).</summary>
    public int Classes => Validation.Length > 0 ? Validation[0].Length : Test.Length > 0 ? Test[0].Length : 0;

    public async Task WriteAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Classes);
            Write(writer, ValidationIndices, ValidationLabels, Validation);
            Write(writer, TestIndices, TestLabels, Test);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(destination, cancellationToken);
        await destination.FlushAsync(cancellationToken);
    }

    /// <summary>Reads what <see cref="WriteAsync"/> wrote; <see cref="InvalidDataException"/> for anything else.</summary>
    public static async Task<HeldOutPredictions> ReadAsync(Stream source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var buffer = new MemoryStream();
        await source.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        using var reader = new BinaryReader(buffer, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.ReadString() != Magic)
            {
                throw new InvalidDataException("not a file of held-out predictions");
            }

            var classes = reader.ReadInt32();
            var (validationIndices, validationLabels, validation) = Read(reader, classes, buffer.Length);
            var (testIndices, testLabels, test) = Read(reader, classes, buffer.Length);
            return new HeldOutPredictions(validationIndices, validationLabels, validation, testIndices, testLabels, test);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("the held-out predictions end mid-way", ex);
        }
    }

    private static void Write(BinaryWriter writer, int[] indices, int[] labels, float[][] rows)
    {
        writer.Write(indices.Length);
        for (var i = 0; i < indices.Length; i++)
        {
            writer.Write(indices[i]);
            writer.Write(labels[i]);
            foreach (var p in rows[i])
            {
                writer.Write(p);
            }
        }
    }

    private static (int[] Indices, int[] Labels, float[][] Rows) Read(BinaryReader reader, int classes, long length)
    {
        var count = reader.ReadInt32();
        if (count < 0 || classes < 0 || (long)count * (8 + (4L * classes)) > length)
        {
            throw new InvalidDataException("the held-out predictions' sizes do not fit the file");
        }

        var (indices, labels, rows) = (new int[count], new int[count], new float[count][]);
        for (var i = 0; i < count; i++)
        {
            indices[i] = reader.ReadInt32();
            labels[i] = reader.ReadInt32();
            rows[i] = new float[classes];
            for (var k = 0; k < classes; k++)
            {
                rows[i][k] = reader.ReadSingle();
            }
        }

        return (indices, labels, rows);
    }
}
