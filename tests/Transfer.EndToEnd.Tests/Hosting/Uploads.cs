using System.Net.Http.Headers;

namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>Builds the multipart bodies of <c>POST /api/datasets</c> as any HTTP client would.</summary>
public static class Uploads
{
    public static MultipartFormDataContent Form(IEnumerable<(string Name, string Value)> fields, params (string Part, string FileName, HttpContent Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (part, fileName, content) in files)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, part, fileName);
        }

        return form;
    }

    public static MultipartFormDataContent Csv(byte[] csv, string labelColumn = "label", string fileName = "data.csv") =>
        Form([("name", fileName), ("format", "Csv"), ("labelColumn", labelColumn)], ("data", fileName, new ByteArrayContent(csv)));

    public static MultipartFormDataContent Zip(byte[] zip, string fileName = "images.zip") =>
        Form([("name", fileName), ("format", "ImageZip")], ("data", fileName, new ByteArrayContent(zip)));

    /// <summary>Examples to predict: one file part, as <c>transfer predict</c> sends it.</summary>
    public static MultipartFormDataContent Examples(string part, string fileName, byte[] bytes) =>
        Form([], (part, fileName, new ByteArrayContent(bytes)));

    public static MultipartFormDataContent Idx(byte[] images, byte[] labels) =>
        Form([("name", "idx"), ("format", "Idx")], ("images", "images-idx3-ubyte.gz", new ByteArrayContent(images)), ("labels", "labels-idx1-ubyte.gz", new ByteArrayContent(labels)));
}
