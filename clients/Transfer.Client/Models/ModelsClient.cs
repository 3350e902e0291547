using Transfer.Client.Internal;
using Transfer.Contracts.Jobs;

namespace Transfer.Client.Models;

/// <summary>A job's registered model (its id is the job's id): predict with it, or download it; or predict with one trial's model. Get one from <see cref="TransferClient.Models"/>.</summary>
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
    /// Predicts the classes of the examples in a file or folder, without labels (<see cref="PredictionFiles"/>): a CSV with
    /// the columns the model was trained on (others, such as the label, are ignored), a zip of PNG or JPEG images, one
    /// image, a folder of images, or an IDX images file or its folder. Images of another size are resized to the model's.
    /// Results come in the examples' order; an image's <see cref="Prediction.Name"/> is its path.
    /// </summary>
    /// <exception cref="Problems.TransferProblemException">404 when there is no such model (or the job has none yet), 400 for unreadable examples or examples that do not fit the model (<c>wrong-input</c>).</exception>
    public virtual async Task<PredictionResult> PredictAsync(string modelId, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        using var form = PredictionFiles.Open(path);
        return await _api.PredictAsync(modelId, form, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// As <see cref="PredictAsync(string, string, CancellationToken)"/>, with the examples in a stream (an image received in
    /// memory, say) named as a file would be: <c>cat.png</c>, <c>rows.csv</c>, <c>photos.zip</c>, <c>x-idx3-ubyte.gz</c>. The
    /// stream is read from its position to its end and left open.
    /// </summary>
    public virtual async Task<PredictionResult> PredictAsync(string modelId, Stream examples, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        using var form = await PredictionFiles.FromStreamAsync(examples, fileName, cancellationToken).ConfigureAwait(false);
        return await _api.PredictAsync(modelId, form, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Predicts with the model one finished trial of a job trained rather than the job's registered model: the baseline's,
    /// the from-scratch reference's, a runner-up's. Examples as in <see cref="PredictAsync(string, string, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="Problems.TransferProblemException">404 when there is no such job, or the trial has no model (none such, or not finished).</exception>
    public virtual async Task<PredictionResult> PredictWithTrialAsync(string jobId, int trial, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        using var form = PredictionFiles.Open(path);
        return await _api.PredictTrialAsync(jobId, trial, form, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As <see cref="PredictWithTrialAsync(string, int, string, CancellationToken)"/>, with the examples in a stream named as a file would be (left open).</summary>
    public virtual async Task<PredictionResult> PredictWithTrialAsync(string jobId, int trial, Stream examples, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        using var form = await PredictionFiles.FromStreamAsync(examples, fileName, cancellationToken).ConfigureAwait(false);
        return await _api.PredictTrialAsync(jobId, trial, form, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens the model's bytes (TorchSharp weights + preprocessing; a k-fold fold ensemble keeps its members after the first:
    /// <c>TrainedEnsemble.LoadAsync</c> reads them all, <c>TrainedModel.LoadAsync</c> the first) as a stream read off the response; dispose it.
    /// </summary>
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
