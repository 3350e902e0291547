namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>What a tenant has in blob storage: the proof that a rejected upload left nothing behind.</summary>
public static class Leftovers
{
    public static async Task<IReadOnlyList<string>> BlobsAsync(TransferHostFixture host, string tenant)
    {
        var container = host.Blobs.GetBlobContainerClient("datasets");
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"{tenant}/" }))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
