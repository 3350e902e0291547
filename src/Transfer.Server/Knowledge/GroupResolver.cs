using Transfer.Contracts.Knowledge;
using Transfer.MetaLearning.Groups;

namespace Transfer.Server.Knowledge;

/// <summary>Where a dataset falls under a grouping, and which benchmark model serves a group.</summary>
public static class GroupResolver
{
    /// <summary>
    /// A clustered dataset's own group; otherwise the nearest group of its kind within threshold, else <c>unknown</c>.
    /// Null when there is no grouping or the vector is of another feature set version.
    /// </summary>
    public static GroupAssignment? Resolve(DatasetGrouping? grouping, string key, MetaFeatureVector vector)
    {
        if (grouping is null || grouping.FeatureSetVersion != vector.FeatureSetVersion)
        {
            return null;
        }

        var assignment = DatasetGrouper.Assign(grouping, vector);
        if (!double.IsFinite(assignment.Distance))
        {
            // No group of its kind: keep the assignment JSON-safe (grain calls and the API carry it as JSON).
            assignment = assignment with { Distance = double.MaxValue };
        }

        var own = grouping.Groups.FirstOrDefault(g => g.Members.Contains(key, StringComparer.Ordinal));
        return own is null || own.Id == assignment.GroupId ? assignment : assignment with { GroupId = own.Id };
    }

    /// <summary>
    /// The benchmark model of a group: the one whose source dataset or anchors (the group's members when it was
    /// published) overlap the group's members most; the latest on a tie. Only models <paramref name="fits"/> accepts count.
    /// </summary>
    public static BenchmarkModelRecord? BenchmarkFor(DatasetGroup group, IEnumerable<BenchmarkModelRecord> models, Func<BenchmarkModelRecord, bool>? fits = null)
    {
        var members = group.Members.ToHashSet(StringComparer.Ordinal);
        return models
            .Where(m => fits?.Invoke(m) ?? true)
            .Select(m => (Model: m, Overlap: m.Anchors.Append(m.SourceKey).OfType<string>().Distinct(StringComparer.Ordinal).Count(members.Contains)))
            .Where(p => p.Overlap > 0)
            .OrderByDescending(p => p.Overlap)
            .ThenByDescending(p => p.Model.Info.CreatedAt)
            .ThenBy(p => p.Model.Info.Id, StringComparer.Ordinal)
            .Select(p => p.Model)
            .FirstOrDefault();
    }
}
