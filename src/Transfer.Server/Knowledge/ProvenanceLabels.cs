using System.Security.Cryptography;
using System.Text;
using Transfer.Contracts.Knowledge;

namespace Transfer.Server.Knowledge;

/// <summary>
/// Provenance as a tenant may see it: its own datasets by id, the admins' published knowledge (seeds) as
/// <c>kb/{dataset}</c>, another tenant's as an opaque <c>other/{hash}</c>. Only meta-knowledge crosses tenants.
/// </summary>
public sealed class ProvenanceLabels(string tenant, string adminTenant)
{
    public Recommendations Apply(Recommendations recommendations)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        return new Recommendations(
            [.. recommendations.Neighbours.Select(n => n with { DatasetId = Label(n.DatasetId) })],
            [.. recommendations.Items.Select(i => i with { DatasetIds = [.. i.DatasetIds.Select(Label)], TrialIds = [.. i.TrialIds.Select(Label)] })]);
    }

    /// <summary>Relabels a <c>{tenant}/{rest}</c> key.</summary>
    public string Label(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var cut = key.IndexOf('/', StringComparison.Ordinal);
        if (cut <= 0)
        {
            return key;
        }

        var (owner, rest) = (key[..cut], key[(cut + 1)..]);
        return owner == tenant ? rest
            : owner == adminTenant ? $"kb/{rest}"
            : $"other/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12]}";
    }
}
