using Transfer.Server.Dashboard;

namespace Transfer.Dashboard.Tests;

/// <summary>The knowledge-base map's projection.</summary>
public sealed class PrincipalComponentsTests
{
    [Fact]
    public void PointsOnALineInThreeDimensionsLieOnTheFirstComponentWithTheirDistancesKept()
    {
        double[][] rows = [[1, 2, 3], [2, 4, 6], [4, 8, 12], [-1, -2, -3]];

        var (coordinates, explained) = PrincipalComponents.Project(rows);

        Assert.Equal(1.0, explained[0], 9);
        Assert.Equal(0.0, explained[1], 9);
        Assert.All(coordinates, c => Assert.Equal(0.0, c[1], 9));
        var length = Math.Sqrt(14);
        Assert.Equal(length * 2, coordinates[2][0] - coordinates[1][0], 9);
        Assert.Equal(length * 5, coordinates[2][0] - coordinates[3][0], 9);
        Assert.True(coordinates[2][0] > 0, "the sign is fixed so the largest loading is positive");
    }

    [Fact]
    public void TheProjectionIsTheSameForTheSameRowsAndCentredAtZero()
    {
        double[][] rows = [[0.5, -1, 2, 0], [1.5, 0, -1, 3], [-2, 1, 0.5, 1], [0, 2, 1, -1], [1, -0.5, -2, 0.5]];

        var (a, explainedA) = PrincipalComponents.Project(rows);
        var (b, _) = PrincipalComponents.Project([.. rows.Select(r => r.ToArray())]);

        Assert.Equal(a.Select(p => (p[0], p[1])), b.Select(p => (p[0], p[1])));
        Assert.Equal(0.0, a.Sum(p => p[0]), 9);
        Assert.Equal(0.0, a.Sum(p => p[1]), 9);
        Assert.True(explainedA[0] >= explainedA[1] && explainedA[0] + explainedA[1] <= 1 + 1e-12);
    }
}
