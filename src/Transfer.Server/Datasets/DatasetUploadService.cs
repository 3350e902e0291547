using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Transfer.Contracts.Datasets;
using Transfer.Grains.Datasets;
using Transfer.Server.Options;
using Transfer.Server.Problems;
using Transfer.Storage;

namespace Transfer.Server.Datasets;

/// <summary>
/// Takes a multipart upload: streams each file part into blob storage (hashing, size-limited), validates the stored
/// parts by streaming them back through the format's inspector, and only then writes the dataset grain. Any failure
/// on the way deletes whatever blobs were written, so a rejected upload leaves nothing behind.
/// </summary>
public sealed partial class DatasetUploadService(
    DatasetBlobStore store,
    DatasetInspector inspector,
    IGrainFactory grains,
    IOptions<LimitsOptions> limits,
    TimeProvider time,
    Knowledge.KnowledgeQueue knowledge,
    ILogger<DatasetUploadService> logger)
{
    private const int MaxFieldLength = 1_024;

    public async Task<DatasetInfo> UploadAsync(string tenant, HttpRequest request, CancellationToken cancellationToken = default)
    {
        var boundary = Boundary(request);
        var id = "ds-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var files = new List<DatasetFile>();
        var remaining = limits.Value.MaxUploadBytes;
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
            MultipartSection? section;
            while ((section = await ReadSectionAsync(reader, cancellationToken)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.Name.Value is not { Length: > 0 } name)
                {
                    throw ApiProblemException.BadRequest("bad-multipart", "Every multipart section needs a Content-Disposition header with a name.");
                }

                name = name.Trim('"');
                if (disposition.IsFileDisposition())
                {
                    if (name is not (DatasetParts.Data or DatasetParts.Images or DatasetParts.Labels) || files.Any(f => f.Part == name))
                    {
                        throw ApiProblemException.BadRequest("bad-part", $"Unexpected file part '{name}'. Send '{DatasetParts.Data}' for CSV and zip, or '{DatasetParts.Images}' and '{DatasetParts.Labels}' for IDX, once each.");
                    }

                    var blob = await store.UploadAsync(tenant, id, name, section.Body, remaining, cancellationToken);
                    if (blob.SizeBytes == 0)
                    {
                        throw ApiProblemException.BadRequest("empty", $"The file part '{name}' is empty.");
                    }

                    remaining -= blob.SizeBytes;
                    var fileName = (disposition.FileNameStar.Value ?? disposition.FileName.Value ?? name).Trim('"');
                    files.Add(new DatasetFile(name, Path.GetFileName(fileName), blob.SizeBytes, blob.Sha256));
                }
                else
                {
                    fields[name] = await ReadFieldAsync(section, name, cancellationToken);
                }
            }

            if (files.Count == 0)
            {
                throw ApiProblemException.BadRequest("empty", $"The upload holds no file. Send the dataset as the '{DatasetParts.Data}' file part (CSV or zip) or as '{DatasetParts.Images}' + '{DatasetParts.Labels}' (IDX).");
            }

            var format = ResolveFormat(fields, files);
            var datasetName = fields.GetValueOrDefault(DatasetParts.Name) is { Length: > 0 } given ? given : files[0].FileName;
            return await CommitAsync(tenant, id, datasetName, format, fields.GetValueOrDefault(DatasetParts.LabelColumn), files, enterKnowledgeBase: true, cancellationToken);
        }
        catch
        {
            // Nothing of a failed upload may stay behind; the caller may be gone, so no cancellation here.
            await store.DeleteAsync(tenant, id, CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Stores a dataset the host made itself (e.g. a group's virtual dataset) exactly as an upload is stored: blobs,
    /// validation by reading them back, then the grain; nothing stays behind on failure. With
    /// <paramref name="enterKnowledgeBase"/> false it gets no meta-features, so it never joins a group.
    /// </summary>
    public async Task<DatasetInfo> StoreAsync(
        string tenant,
        string name,
        DatasetFormat format,
        IReadOnlyList<(string Part, string FileName, Stream Content)> parts,
        bool enterKnowledgeBase,
        CancellationToken cancellationToken = default)
    {
        var id = "ds-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var files = new List<DatasetFile>();
        try
        {
            foreach (var (part, fileName, content) in parts)
            {
                var blob = await store.UploadAsync(tenant, id, part, content, limits.Value.MaxUploadBytes, cancellationToken);
                files.Add(new DatasetFile(part, fileName, blob.SizeBytes, blob.Sha256));
            }

            return await CommitAsync(tenant, id, name, format, labelColumn: null, files, enterKnowledgeBase, cancellationToken);
        }
        catch
        {
            await store.DeleteAsync(tenant, id, CancellationToken.None);
            throw;
        }
    }

    private async Task<DatasetInfo> CommitAsync(
        string tenant, string id, string name, DatasetFormat format, string? labelColumn, List<DatasetFile> files, bool enterKnowledgeBase, CancellationToken cancellationToken)
    {
        var schema = await inspector.InspectAsync(tenant, id, format, labelColumn, cancellationToken);
        var info = new DatasetInfo(id, name, DatasetStatus.Ready, schema, files, time.GetUtcNow());
        await grains.GetGrain<IDatasetGrain>(DatasetKeys.Of(tenant, id)).CommitAsync(info, enterKnowledgeBase);
        LogStored(logger, tenant, id, format, schema.Examples, info.SizeBytes);
        if (enterKnowledgeBase)
        {
            knowledge.EnqueueExtraction(tenant, info); // knowledge base: meta-features in the background, off the request path
        }

        return info;
    }

    private static string Boundary(HttpRequest request)
    {
        if (request.ContentLength == 0)
        {
            throw ApiProblemException.BadRequest("empty", "The request body is empty. Send a multipart/form-data upload with the dataset file.");
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiProblemException.BadRequest("not-multipart", "Upload datasets as multipart/form-data (fields name, format, labelColumn; file parts data or images + labels).");
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary)
            ? throw ApiProblemException.BadRequest("not-multipart", "The multipart Content-Type has no boundary.")
            : boundary;
    }

    private static async Task<MultipartSection?> ReadSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            throw ApiProblemException.BadRequest("bad-multipart", $"The multipart body is malformed or truncated ({ex.Message}).");
        }
        catch (InvalidDataException ex)
        {
            throw ApiProblemException.BadRequest("bad-multipart", $"The multipart body is malformed ({ex.Message}).");
        }
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, string name, CancellationToken cancellationToken)
    {
        var buffer = new char[MaxFieldLength + 1];
        using var reader = new StreamReader(section.Body);
        var n = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return n > MaxFieldLength
            ? throw ApiProblemException.BadRequest("bad-field", $"The form field '{name}' is longer than {MaxFieldLength} characters.")
            : new string(buffer, 0, n).Trim();
    }

    private static DatasetFormat ResolveFormat(Dictionary<string, string> fields, List<DatasetFile> files)
    {
        DatasetFormat format;
        if (fields.TryGetValue(DatasetParts.Format, out var given) && given.Length > 0)
        {
            if (!Enum.TryParse(given, ignoreCase: true, out format) || !Enum.IsDefined(format))
            {
                throw ApiProblemException.BadRequest("bad-format", $"Unknown format '{given}'. Use Csv, ImageZip or Idx.");
            }
        }
        else if (files.Any(f => f.Part == DatasetParts.Images))
        {
            format = DatasetFormat.Idx;
        }
        else
        {
            format = files[0].FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? DatasetFormat.ImageZip
                : files[0].FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || files[0].FileName.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase) ? DatasetFormat.Csv
                : throw ApiProblemException.BadRequest("bad-format", $"Cannot tell the format of '{files[0].FileName}'. Send the 'format' field: Csv, ImageZip or Idx.");
        }

        var need = DatasetParts.For(format);
        var have = files.Select(f => f.Part).ToArray();
        if (!need.Order().SequenceEqual(have.Order()))
        {
            throw ApiProblemException.BadRequest("bad-part", $"A {format} upload needs the file part(s) {string.Join(" + ", need.Select(p => $"'{p}'"))}; this one has {string.Join(" + ", have.Select(p => $"'{p}'"))}.");
        }

        return format;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored dataset {Tenant}/{Dataset}: {Format}, {Examples} examples, {Bytes} bytes")]
    private static partial void LogStored(ILogger logger, string tenant, string dataset, DatasetFormat format, long examples, long bytes);
}
