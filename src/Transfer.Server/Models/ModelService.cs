using Azure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;
using Transfer.Data;
using Transfer.Server.Datasets;
using Transfer.Server.Jobs;
using Transfer.Server.Problems;
using Transfer.Storage;
using Transfer.Contracts.Training;
using Transfer.Training.Data;
using Transfer.Training.Inference;

namespace Transfer.Server.Models;

/// <summary>
/// A job's registered model (by default an ensemble of its trials' models), or one trial's: download it, or predict with
/// it on examples in the dataset's format, without labels.
/// </summary>
public sealed class ModelService(JobService jobs, ArtifactStore artifacts, DatasetInspector inspector)
{
    private const long MaxPredictBytes = 64L << 20;

    public async Task<(Stream Content, JobInfo Job)> OpenAsync(string tenant, string id, CancellationToken cancellationToken = default)
    {
        var job = await jobs.GetAsync(tenant, id, cancellationToken);
        if (job.ModelId is null)
        {
            throw new ApiProblemException(StatusCodes.Status404NotFound, "no-model", "No model yet", $"Job '{id}' has not registered a model yet (status {job.Status}).");
        }

        return (await artifacts.OpenReadAsync(artifacts.ModelRef(tenant, job.ModelId, "model"), cancellationToken), job);
    }

    /// <summary>
    /// Opens the model any finished trial of a job trained (the registered model is the best trial's): the baseline's,
    /// the from-scratch reference's, or a runner-up's, to compare them on one's own data.
    /// </summary>
    public async Task<Stream> OpenTrialAsync(string tenant, string id, int trial, CancellationToken cancellationToken = default)
    {
        var job = await jobs.GetAsync(tenant, id, cancellationToken);
        try
        {
            return await artifacts.OpenReadAsync(artifacts.CheckpointRef(tenant, job.Id, trial, "model"), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new ApiProblemException(StatusCodes.Status404NotFound, "no-trial-model", "No model for this trial", $"Trial {trial} of job '{id}' has no model: it does not exist, or has not finished (a trial saves its model when it ends).");
        }
    }

    /// <summary>Predicts class probabilities for examples sent in the dataset's own format (the same multipart parts as an upload).</summary>
    public async Task<PredictionResult> PredictAsync(string tenant, string id, HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (content, _) = await OpenAsync(tenant, id, cancellationToken);
        return await PredictWithAsync(content, request, cancellationToken);
    }

    /// <summary>As <see cref="PredictAsync"/>, with the model of one trial of the job (<see cref="OpenTrialAsync"/>).</summary>
    public async Task<PredictionResult> PredictTrialAsync(string tenant, string id, int trial, HttpRequest request, CancellationToken cancellationToken = default) =>
        await PredictWithAsync(await OpenTrialAsync(tenant, id, trial, cancellationToken), request, cancellationToken);

    private async Task<PredictionResult> PredictWithAsync(Stream content, HttpRequest request, CancellationToken cancellationToken)
    {
        await using var source = content;
        using var model = await TrainedEnsemble.LoadAsync(source, cancellationToken: cancellationToken);
        var parts = await ReadPartsAsync(request, cancellationToken);
        var examples = await ReadExamplesAsync(parts, model.Members[0].Preprocessing, cancellationToken);
        var probabilities = examples.Images is { } images ? model.Predict(images, cancellationToken) : model.Predict(examples.Table!, cancellationToken);
        var classes = model.Classes;
        return new PredictionResult(
            classes,
            [.. probabilities.Select((p, i) => new Prediction(classes[Array.IndexOf(p, p.Max())], p, examples.Names?[i]))],
            examples.MissingColumns is { Count: > 0 } missing ? missing : null);
    }

    /// <summary>
    /// The examples of a predict request, read for the model's input: 'images' (an IDX images file of any size, resized as
    /// images are; a 'labels' part is not needed and is ignored), or 'data' told by its first bytes: a zip of images or one PNG or JPEG for an image model
    /// (<see cref="PredictionImages"/>), a CSV for a table model (<see cref="ModelCsvReader"/>, any label column ignored).
    /// </summary>
    private async Task<Examples> ReadExamplesAsync(Dictionary<string, Part> parts, Preprocessing preprocessing, CancellationToken cancellationToken)
    {
        var input = preprocessing.Input;
        var limits = inspector.Limits();
        if (parts.TryGetValue(DatasetParts.Images, out var idx))
        {
            if (!input.IsImage)
            {
                throw WrongInput("This model takes table rows, as a CSV; the upload is an IDX images file.");
            }

            // Another size or channel count is resized and converted as PNG and JPEG files are.
            var images = await IdxReader.ReadImagesAsync(idx.Content, limits, cancellationToken);
            return new Examples(PredictionImages.Fit(images, new ImageShape(input.Channels, input.Height, input.Width)), null, null, null);
        }

        if (!parts.TryGetValue(DatasetParts.Data, out var data))
        {
            throw ApiProblemException.BadRequest("bad-part", "Send the examples in a multipart part 'data' (a CSV, a zip of PNG or JPEG images, or one PNG or JPEG image) or 'images' (an IDX images file; no labels needed).");
        }

        var format = PredictionImages.Sniff(data.Content.GetBuffer().AsSpan(0, (int)Math.Min(4, data.Content.Length)));
        if (input.IsImage)
        {
            if (format == ExampleFormat.Table)
            {
                throw WrongInput($"This model takes {Shape(input)} images: send a zip of PNG or JPEG images or one PNG or JPEG ('data'), or an IDX images file ('images'); the upload is neither a zip nor an image (a CSV table?).");
            }

            var named = await PredictionImages.ReadAsync(data.Content, data.FileName ?? "image", new ImageShape(input.Channels, input.Height, input.Width), limits, cancellationToken);
            return new Examples(named.Images, null, named.Names, null);
        }

        if (format != ExampleFormat.Table)
        {
            throw WrongInput($"This model takes table rows: send them as a CSV with the columns it was trained on ({Columns(preprocessing)}); the upload is {(format == ExampleFormat.Zip ? "a zip archive" : "an image")}.");
        }

        var aligned = await ModelCsvReader.ReadAsync(data.Content, preprocessing.ColumnNames!, limits, cancellationToken);
        return new Examples(null, aligned.Table, null, aligned.MissingColumns);
    }

    private static ApiProblemException WrongInput(string detail) =>
        new(StatusCodes.Status400BadRequest, "wrong-input", "The examples do not fit the model", detail);

    private static string Shape(InputSpec input) => $"{input.Channels}×{input.Height}×{input.Width} ({(input.Channels == 1 ? "gray" : "RGB")})";

    private static string Columns(Preprocessing preprocessing)
    {
        var names = ModelCsvReader.SourceNames(preprocessing.ColumnNames ?? []).ToList();
        return names.Count <= 12 ? string.Join(", ", names) : $"{string.Join(", ", names.Take(12))}, … ({names.Count} in all)";
    }

    private static async Task<Dictionary<string, Part>> ReadPartsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw ApiProblemException.BadRequest("not-multipart", "Send the examples as multipart/form-data: a part 'data' (a CSV, a zip of images, one image) or 'images' (an IDX images file).");
        }

        var parts = new Dictionary<string, Part>(StringComparer.Ordinal);
        var reader = new MultipartReader(boundary, request.Body);
        long total = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.Name.Value is not { } name)
            {
                continue;
            }

            var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer, cancellationToken);
            total += buffer.Length;
            if (total > MaxPredictBytes)
            {
                throw new PayloadTooLargeException(MaxPredictBytes);
            }

            buffer.Position = 0;
            parts[name.Trim('"')] = new Part(buffer, HeaderUtilities.RemoveQuotes(disposition.FileName).Value is { Length: > 0 } file ? Path.GetFileName(file) : null);
        }

        return parts;
    }

    private sealed record Part(MemoryStream Content, string? FileName);

    private sealed record Examples(ImageData? Images, TabularData? Table, IReadOnlyList<string>? Names, IReadOnlyList<string>? MissingColumns);
}
