using System.Text.Json;
using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Spaces;

namespace Transfer.Search.Tests.Spaces;

public sealed class SearchSpaceEncodingTests
{
    [Fact]
    public void TheDefinitionRoundTripsThroughJsonAsTheSdkSendsIt()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var json = JsonSerializer.Serialize(DefaultSpaces.Joint(3), options);
        var back = JsonSerializer.Deserialize<SearchSpaceDefinition>(json, options)!;

        Assert.Contains("\"kind\":\"Architecture\"", json, StringComparison.Ordinal);
        Assert.Equal(
            SearchSpace.Create(DefaultSpaces.Joint(3)).Dimensions.Select(d => d.Name),
            SearchSpace.Create(back).Dimensions.Select(d => d.Name));
    }

    [Fact]
    public void StepsizeExistsOnlyWhenLrPolicyIsStep()
    {
        var space = SearchSpace.Create(DefaultSpaces.Joint(2));
        var random = new Random(5);
        var configs = Enumerable.Range(0, 200).Select(_ => space.Decode(space.SampleUniform(random))).ToList();

        Assert.All(configs, c => Assert.Equal(c["lr_policy"].Choice is "step" or "multistep", c.ContainsKey("stepsize")));
        Assert.Contains(configs, c => c.ContainsKey("stepsize"));
        Assert.All(configs, c => Assert.Empty(space.Check(c)));
    }

    [Fact]
    public void HeadsRenderInTheSeedNotation()
    {
        var value = ParameterValue.Of([new HeadLayer("C", 3, 32), new HeadLayer("P", 2, 2), new HeadLayer("FC", 0, 64, LrMult: 10)]);
        Assert.Equal(["C(3,32)", "P(2,2)", "FC(64)"], value.ToNotation());
        Assert.Equal("C(3,32)+P(2,2)+FC(64)[10,1]", value.ToString());
    }

    [Fact]
    public void DecodingTurnsAConvolutionAfterAFullyConnectedLayerIntoAFullyConnectedLayer()
    {
        var space = SearchSpace.Create(new SearchSpaceDefinition([new ParameterDefinition("head", ParameterKind.Architecture, Architecture: DefaultSpaces.Head(2, 2))]));
        var values = new double[space.Dimensions.Count];
        values[space.IndexOf("head.depth")] = 2;
        values[space.IndexOf("head.0.kind")] = 2;
        values[space.IndexOf("head.1.kind")] = 0;
        values[space.IndexOf("head.1.units")] = 3;

        var head = space.Decode(values)["head"].ToNotation();

        Assert.Equal(["FC(32)", "FC(256)"], head);
    }

    [Fact]
    public void CheckRejectsAConvolutionAfterTheFlatten()
    {
        var space = SearchSpace.Create(new SearchSpaceDefinition([new ParameterDefinition("head", ParameterKind.Architecture, Architecture: DefaultSpaces.Head())]));
        var bad = new Dictionary<string, ParameterValue> { ["head"] = ParameterValue.Of([new HeadLayer("FC", 0, 64), new HeadLayer("C", 3, 32)]) };

        Assert.Contains(space.Check(bad), p => p.Contains("C(3,32) comes after a fully connected layer", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEncodedConfigurationDecodesToItself()
    {
        var space = TestSpaces.Mixed();
        var random = new Random(3);
        for (var i = 0; i < 50; i++)
        {
            var config = space.Decode(space.SampleUniform(random));
            Assert.Equal(ConfigurationKey.Of(config), ConfigurationKey.Of(space.Decode(space.Encode(config))));
        }
    }
}
