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
using Transfer.Training.Inference;

namespace Transfer.Server.Models;

/// <summary>A job's registered model (the best trial's model: with k-fold, by default its fold models averaged): download it, or predict with it.</summary>
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
