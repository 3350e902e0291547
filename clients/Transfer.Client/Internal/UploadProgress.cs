namespace Transfer.Client.Internal;

/// <summary>Bytes sent so far over all parts of one upload, reported to the caller after every read.</summary>
internal sealed class UploadProgress(IProgress<long>? sink)
{
    private long _sent;

    public long Sent => Interlocked.Read(ref _sent);

    public void Add(int bytes)
    {
        if (bytes <= 0)
        {
            return;
        }

        var total = Interlocked.Add(ref _sent, bytes);
        sink?.Report(total);
    }
}
