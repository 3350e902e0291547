using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;
using Transfer.Data;
using Transfer.Server.Datasets;
using Transfer.Server.Jobs;
using Transfer.Server.Problems;
using Transfer.Storage;
using Transfer.Training.Inference;

namespace Transfer.Server.Models;

/// <summary>A job's registered model (the best trial's weights): download it, or predict with it.</summary>
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

    /// <summary>Predicts class probabilities for examples sent in the dataset's own format (the same multipart parts as an upload).</summary>
    public async Task<PredictionResult> PredictAsync(string tenant, string id, HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (content, _) = await OpenAsync(tenant, id, cancellationToken);
        using var buffered = new MemoryStream();
        await using (content)
        {
            await content.CopyToAsync(buffered, cancellationToken);
        }

        buffered.Position = 0;
        using var model = await TrainedModel.LoadAsync(buffered, cancellationToken: cancellationToken);
        var parts = await ReadPartsAsync(request, cancellationToken);
        float[][] probabilities;
        if (parts.TryGetValue(DatasetParts.Images, out var images) && parts.TryGetValue(DatasetParts.Labels, out var labels))
        {
            probabilities = model.Predict(await IdxReader.ReadAsync(images, labels, limits: inspector.Limits(), cancellationToken: cancellationToken), cancellationToken);
        }
        else if (parts.TryGetValue(DatasetParts.Data, out var data) && parts.TryGetValue(DatasetParts.LabelColumn, out var label))
        {
            var column = await new StreamReader(label).ReadToEndAsync(cancellationToken);
            probabilities = model.Predict(await CsvTableReader.ReadAsync(data, column, inspector.Limits(), cancellationToken), cancellationToken);
        }
        else if (parts.TryGetValue(DatasetParts.Data, out var zip))
        {
            probabilities = model.Predict(await ImageZipReader.ReadAsync(zip, inspector.Limits(), cancellationToken), cancellationToken);
        }
        else
        {
            throw ApiProblemException.BadRequest("bad-part", "Send examples as an upload: 'images' + 'labels' (IDX), 'data' (zip), or 'data' + 'labelColumn' (CSV).");
        }

        var classes = model.Classes;
        return new PredictionResult(classes, [.. probabilities.Select(p => new Prediction(classes[Array.IndexOf(p, p.Max())], p))]);
    }

    private static async Task<Dictionary<string, MemoryStream>> ReadPartsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw ApiProblemException.BadRequest("not-multipart", "Send the examples as multipart/form-data, with the same parts as a dataset upload.");
        }

        var parts = new Dictionary<string, MemoryStream>(StringComparer.Ordinal);
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
            parts[name.Trim('"')] = buffer;
        }

        return parts;
    }
}
