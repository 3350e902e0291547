using System.IO.Compression;

namespace Transfer.Data;

/// <summary>Opens a stream that may be gzip-compressed, decided by its first two bytes, with a bound on expansion.</summary>
internal static class CompressionSniffer
{
    public static async Task<Stream> OpenMaybeGzipAsync(Stream source, long maxExpandedBytes, string fileName, CancellationToken cancellationToken)
    {
        var head = new byte[2];
        var read = await ReadAtLeastAsync(source, head, cancellationToken).ConfigureAwait(false);
        Stream replay = new PrefixStream(head.AsMemory(0, read), new NonClosingStream(source));
        if (read == 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            return new LimitedReadStream(new GZipStream(replay, CompressionMode.Decompress), maxExpandedBytes, fileName);
        }

        return replay;
    }

    private static async Task<int> ReadAtLeastAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await source.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
