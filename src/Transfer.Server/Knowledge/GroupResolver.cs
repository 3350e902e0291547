using Transfer.Contracts.Knowledge;
using Transfer.MetaLearning.Features;
using Transfer.MetaLearning.Groups;

namespace Transfer.Server.Knowledge;

/// <summary>Where a dataset falls under a grouping, and which benchmark model serves a group.</summary>
public static class GroupResolver
{
    /// <summary>
    /// A clustered dataset's own group; otherwise the nearest group of its kind within threshold, else <c>unknown</c>.
    /// A vector of another embedding layout is projected onto the grouping's by name (the knowledge base is moving to a
    /// new layout). Null when there is no grouping or the vector cannot be projected.
    /// </summary>
    public static GroupAssignment? Resolve(DatasetGrouping? grouping, string key, MetaFeatureVector vector)
    {
        if (grouping is null || MetaFeatureProjection.TryProject(vector, grouping.Scaling) is not { } projected)
        {
            return null;
        }

        vector = projected;

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
    public static BenchmarkModelRecord? BenchmarkFor(DatasetGroup group, IEnumerable<BenchmarkModelRecord> models, Func<BenchmarkModelRecord, bool>? fits = null) =>
        CandidatesFor(group, models, fits).FirstOrDefault();

    /// <summary>
    /// The group's candidate benchmark models: those <paramref name="fits"/> accepts whose source dataset or anchors
    /// overlap the group's members, most overlap first (then the latest, then by id). Empty when the group has none.
    /// </summary>
    public static IReadOnlyList<BenchmarkModelRecord> CandidatesFor(DatasetGroup group, IEnumerable<BenchmarkModelRecord> models, Func<BenchmarkModelRecord, bool>? fits = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        var members = group.Members.ToHashSet(StringComparer.Ordinal);
        return models
            .Where(m => fits?.Invoke(m) ?? true)
            .Select(m => (Model: m, Overlap: m.Anchors.Append(m.SourceKey).OfType<string>().Distinct(StringComparer.Ordinal).Count(members.Contains)))
            .Where(p => p.Overlap > 0)
            .OrderByDescending(p => p.Overlap)
            .ThenByDescending(p => p.Model.Info.CreatedAt)
            .ThenBy(p => p.Model.Info.Id, StringComparer.Ordinal)
            .Select(p => p.Model)
            .ToArray();
    }

    /// <summary>
    /// Picks among a group's <paramref name="candidates"/> (in <see cref="CandidatesFor"/> order) for one dataset: the
    /// highest transfer score measured on it when every candidate has one, else the most overlap. Null without candidates.
    /// </summary>
    public static BenchmarkPick? Pick(IReadOnlyList<BenchmarkModelRecord> candidates, IReadOnlyDictionary<string, double>? transferScores)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            return null;
        }

        var scored = candidates
            .Select((m, rank) => (Model: m, Rank: rank, Score: transferScores?.TryGetValue(m.Info.Id, out var s) == true && double.IsFinite(s) ? s : (double?)null))
            .ToArray();
        if (scored.All(c => c.Score is not null))
        {
            var best = scored.OrderByDescending(c => c.Score).ThenBy(c => c.Rank).First();
            var reason = candidates.Count == 1
                ? $"the group's only benchmark model; transfer score {best.Score:F3} on this dataset"
                : $"highest transfer score on this dataset among {candidates.Count} candidates ({string.Join(", ", scored.Select(c => $"{c.Model.Info.Id} {c.Score:F3}"))})";
            return new BenchmarkPick(best.Model, best.Score, reason);
        }

        var first = scored[0];
        return new BenchmarkPick(
            first.Model,
            first.Score,
            candidates.Count == 1
                ? "the group's only benchmark model (no transfer score measured on this dataset)"
                : $"most overlap with the group's members among {candidates.Count} candidates (transfer scores not measured for all)");
    }
}
