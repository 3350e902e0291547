using System.Runtime.CompilerServices;
using Transfer.Client.Internal;
using Transfer.Contracts.Datasets;

namespace Transfer.Client.Datasets;

/// <summary>Upload, list, read, download and delete the datasets of the caller's tenant. Get one from <see cref="TransferClient.Datasets"/>.</summary>
public class DatasetsClient
{
    private const int CopyBufferSize = 81920;
    private readonly IDatasetsApi _api = null!;

    internal DatasetsClient(IDatasetsApi api)
    {
        _api = api;
    }

    /// <summary>For mocking.</summary>
    protected DatasetsClient()
    {
    }

    /// <summary>
    /// Uploads a dataset from streams (read from their current position; the caller keeps them). The upload is sent once,
    /// never retried. <paramref name="progress"/> receives the bytes sent so far over all parts.
    /// </summary>
    /// <exception cref="Problems.TransferProblemException">The server rejected the upload (400 with a code such as <c>csv-ragged-row</c>, 413 when too large).</exception>
    public virtual async Task<DatasetInfo> UploadAsync(DatasetUpload upload, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        upload.Validate();
        using var form = UploadContent.Create(upload, new UploadProgress(progress));
        return await _api.UploadAsync(form, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads a dataset from files on disk; see <see cref="DatasetFileSet.FromPath"/> and <see cref="DatasetFileSet.FromIdxPair"/>.</summary>
    /// <param name="files">The files and their format.</param>
    /// <param name="name">The dataset's name; <see cref="DatasetFileSet.DefaultName"/> when null.</param>
    /// <param name="labelColumn">CSV only: the label column; null lets the server use its default.</param>
    /// <param name="progress">Receives the bytes sent so far (out of <see cref="DatasetFileSet.TotalBytes"/>).</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public virtual async Task<DatasetInfo> UploadFilesAsync(
        DatasetFileSet files,
        string? name = null,
        string? labelColumn = null,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var streams = new List<FileStream>(files.Parts.Count);
        try
        {
            foreach (var part in files.Parts)
            {
                streams.Add(new FileStream(part.Path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan));
            }

            var parts = files.Parts.Select((p, i) => new DatasetUploadPart(p.Name, Path.GetFileName(p.Path), streams[i])).ToList();
            var upload = new DatasetUpload(name ?? files.DefaultName, files.Format, parts, labelColumn);
            return await UploadAsync(upload, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Uploads a CSV, an image zip, or an IDX folder, inferring the format from the path unless given.</summary>
    public virtual Task<DatasetInfo> UploadFileAsync(
        string path,
        string? name = null,
        DatasetFormat? format = null,
        string? labelColumn = null,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default) =>
        UploadFilesAsync(DatasetFileSet.FromPath(path, format), name, labelColumn, progress, cancellationToken);

    /// <summary>Every dataset of the tenant; pages are fetched as the caller enumerates (paging is hidden).</summary>
    public virtual async IAsyncEnumerable<DatasetInfo> ListAsync(int pageSize = 50, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        string? token = null;
        do
        {
            var page = await _api.ListAsync(pageSize, token, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    /// <exception cref="Problems.TransferProblemException">404 when the tenant has no such dataset.</exception>
    public virtual Task<DatasetInfo> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _api.GetAsync(id, cancellationToken);
    }

    /// <summary>Opens a stored part (<c>data</c>, <c>images</c>, <c>labels</c>) as a stream read straight off the response; dispose it.</summary>
    public virtual Task<Stream> OpenPartAsync(string id, string part, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(part);
        return _api.OpenPartAsync(id, part, cancellationToken);
    }

    /// <summary>Copies a stored part into <paramref name="destination"/>; returns the bytes copied.</summary>
    public virtual async Task<long> DownloadPartAsync(
        string id,
        string part,
        Stream destination,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var source = await OpenPartAsync(id, part, cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var counter = new UploadProgress(progress);
            await new ProgressStream(source, counter).CopyToAsync(destination, CopyBufferSize, cancellationToken).ConfigureAwait(false);
            return counter.Sent;
        }
    }

    /// <summary>Downloads a stored part to a file, written beside it first and moved into place when complete.</summary>
    public virtual async Task<long> DownloadPartToFileAsync(
        string id,
        string part,
        string path,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var partial = path + ".partial";
        try
        {
            long bytes;
            var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, CopyBufferSize, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                bytes = await DownloadPartAsync(id, part, file, progress, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, path, overwrite: true);
            return bytes;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <exception cref="Problems.TransferProblemException">404 when the tenant has no such dataset.</exception>
    public virtual Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _api.DeleteAsync(id, cancellationToken);
    }
}
