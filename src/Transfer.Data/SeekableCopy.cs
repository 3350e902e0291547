namespace Transfer.Data;

/// <summary>Gives a seekable view of a stream: the stream itself when it can seek, else a delete-on-close temporary file copy.</summary>
internal static class SeekableCopy
{
    public static async Task<Stream> EnsureAsync(Stream source, CancellationToken cancellationToken)
    {
        if (source.CanSeek)
        {
            return new NonClosingStream(source);
        }

        var path = Path.Combine(Path.GetTempPath(), $"transfer-{Guid.NewGuid():N}.tmp");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await source.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
