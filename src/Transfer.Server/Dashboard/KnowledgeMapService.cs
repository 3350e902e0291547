using Transfer.Contracts.Knowledge;
using Transfer.MetaLearning.Features;
using Transfer.Server.Knowledge;

namespace Transfer.Server.Dashboard;

/// <summary>
/// The dashboard's map of the knowledge base: every stored meta-feature vector of the current grouping's version,
/// normalised with the grouping's scaling and projected on two principal components. Only meta-knowledge leaves: other
/// tenants' points carry no id or name.
/// </summary>
public sealed class KnowledgeMapService(KnowledgeStore store, GroupingService grouping)
{
    public async Task<KnowledgeMap> GetAsync(string tenant, CancellationToken cancellationToken = default)
    {
        if ((await grouping.Directory.GetAsync()).Grouping is not { } current)
        {
            return new KnowledgeMap(null, [0, 0], []);
        }

        var vectors = (await store.ListVectorsAsync(cancellationToken))
            .Where(v => v.Vector.FeatureSetVersion == current.FeatureSetVersion && v.Vector.Values.Count == current.Scaling.Centers.Count)
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .ToList();
        var (coordinates, explained) = PrincipalComponents.Project([.. vectors.Select(v => RobustScaler.Transform(current.Scaling, v.Vector))]);
        var points = vectors.Select((v, i) =>
        {
            var assignment = GroupResolver.Resolve(current, v.Key, v.Vector);
            var group = current.Groups.FirstOrDefault(g => g.Id == (assignment?.NearestGroupId ?? assignment?.GroupId));
            var own = v.Tenant == tenant;
            return new KnowledgeMapPoint(coordinates[i][0], coordinates[i][1], group?.Kind ?? "unknown", assignment?.GroupId ?? GroupAssignment.UnknownGroupId, own, own ? v.Dataset : null, own ? v.Name : null);
        }).ToList();
        return new KnowledgeMap(current.FeatureSetVersion, explained, points);
    }
}
