using Transfer.Client.Datasets;
using Transfer.Client.Internal;
using Transfer.Contracts.Datasets;
using Transfer.Contracts.Jobs;

namespace Transfer.Client.Models;

/// <summary>A job's registered model (its id is the job's id): predict with it, or download it. Get one from <see cref="TransferClient.Models"/>.</summary>
public class ModelsClient
{
    private const int CopyBufferSize = 81920;
    private readonly IModelsApi _api = null!;

    internal ModelsClient(IModelsApi api)
    {
        _api = api;
    }

    /// <summary>For mocking.</summary>
    protected ModelsClient()
    {
    }

    /// <summary>
    /// Predicts the classes of the examples in a file or folder in the dataset's own format (a CSV with the label column, an
    /// image zip, an IDX folder); results come in the examples' order.
    /// </summary>
    /// <exception cref="Problems.TransferProblemException">404 when there is no such model (or the job has none yet), 400 for unreadable examples.</exception>
    public virtual async Task<PredictionResult> PredictAsync(string modelId, string path, DatasetFormat? format = null, string? labelColumn = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        var files = DatasetFileSet.FromPath(path, format);
        var streams = files.Parts.Select(p => (Stream)File.OpenRead(p.Path)).ToList();
        try
        {
            var upload = new DatasetUpload(
                files.DefaultName,
                files.Format,
                [.. files.Parts.Select((p, i) => new DatasetUploadPart(p.Name, Path.GetFileName(p.Path), streams[i]))],
                files.Format == DatasetFormat.Csv ? labelColumn ?? "label" : null);
            return await PredictAsync(modelId, upload, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Predicts the classes of examples given as streams (the same parts as an upload).</summary>
    public virtual async Task<PredictionResult> PredictAsync(string modelId, DatasetUpload examples, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentNullException.ThrowIfNull(examples);
        examples.Validate();
        using var form = UploadContent.Create(examples, new UploadProgress(null));
        return await _api.PredictAsync(modelId, form, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens the model's bytes (TorchSharp weights + preprocessing) as a stream read off the response; dispose it.</summary>
    public virtual Task<Stream> OpenAsync(string modelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return _api.OpenAsync(modelId, cancellationToken);
    }

    /// <summary>Downloads the model to a file (written beside it first, moved into place when complete); returns the bytes written.</summary>
    public virtual async Task<long> DownloadToFileAsync(string modelId, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var partial = path + ".partial";
        try
        {
            var source = await OpenAsync(modelId, cancellationToken).ConfigureAwait(false);
            long bytes;
            await using (source.ConfigureAwait(false))
            {
                var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, CopyBufferSize, FileOptions.Asynchronous);
                await using (file.ConfigureAwait(false))
                {
                    await source.CopyToAsync(file, CopyBufferSize, cancellationToken).ConfigureAwait(false);
                    bytes = file.Length;
                }
            }

            File.Move(partial, path, overwrite: true);
            return bytes;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
