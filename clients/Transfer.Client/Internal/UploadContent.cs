using System.Net.Http.Headers;
using Transfer.Client.Datasets;
using Transfer.Contracts.Datasets;

namespace Transfer.Client.Internal;

/// <summary>Builds the multipart body of <c>POST /api/datasets</c>: text fields first, then the file parts, each counted as it is sent.</summary>
internal static class UploadContent
{
    private static readonly MediaTypeHeaderValue OctetStream = new("application/octet-stream");

    public static MultipartFormDataContent Create(DatasetUpload upload, UploadProgress progress)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(upload.Name), DatasetParts.Name },
            { new StringContent(upload.Format.ToString()), DatasetParts.Format },
        };
        if (upload.LabelColumn is not null)
        {
            form.Add(new StringContent(upload.LabelColumn), DatasetParts.LabelColumn);
        }

        foreach (var part in upload.Parts)
        {
            var content = new StreamContent(new ProgressStream(part.Content, progress), 81920);
            content.Headers.ContentType = OctetStream;
            form.Add(content, part.Name, part.FileName);
        }

        return form;
    }
}
