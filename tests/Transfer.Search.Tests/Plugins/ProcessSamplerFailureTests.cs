using Transfer.Contracts.Search;
using Transfer.Search.Plugins;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;

namespace Transfer.Search.Tests.Plugins;

/// <summary>A plugin that crashes, hangs or answers garbage is reported as such and never blocks the caller.</summary>
public sealed class ProcessSamplerFailureTests
{
    private const string ReplyOkToInit = "import sys,json\nl=json.loads(sys.stdin.readline())\nprint(json.dumps({'id':l['id'],'ok':True}),flush=True)\n";

    [Fact]
    public void APluginThatExitsIsReportedAsCrashedWithItsExitCodeAndStderr()
    {
        using var sampler = Start(ReplyOkToInit + "sys.stdin.readline()\nsys.stderr.write('boom\\n')\nsys.exit(3)\n", TimeSpan.FromSeconds(20));
        var e = Assert.Throws<PluginException>(() => sampler.Ask(TrialHistory.Empty));
        Assert.Equal(PluginFailure.Crashed, e.Failure);
        Assert.Contains("exit code 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("boom", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APluginThatNeverAnswersIsReportedAsTimedOutAndStaysBroken()
    {
        using var sampler = Start(ReplyOkToInit + "import time\nsys.stdin.readline()\ntime.sleep(3600)\n", TimeSpan.FromMilliseconds(300));
        var first = Assert.Throws<PluginException>(() => sampler.Ask(TrialHistory.Empty));
        Assert.Equal(PluginFailure.TimedOut, first.Failure);
        var second = Assert.Throws<PluginException>(() => sampler.Ask(TrialHistory.Empty));
        Assert.Equal(PluginFailure.TimedOut, second.Failure);
    }

    [Fact]
    public void APluginThatAnswersGarbageIsReportedAsSuch()
    {
        using var sampler = Start(ReplyOkToInit + "sys.stdin.readline()\nprint('this is not json',flush=True)\nsys.stdin.readline()\n", TimeSpan.FromSeconds(20));
        var e = Assert.Throws<PluginException>(() => sampler.Ask(TrialHistory.Empty));
        Assert.Equal(PluginFailure.Garbage, e.Failure);
    }

    [Fact]
    public void APluginConfigurationOutsideTheSpaceIsReportedAsGarbage()
    {
        using var sampler = Start(ReplyOkToInit + "l=json.loads(sys.stdin.readline())\nprint(json.dumps({'id':l['id'],'configuration':{'x':42.0}}),flush=True)\nsys.stdin.readline()\n", TimeSpan.FromSeconds(20));
        var e = Assert.Throws<PluginException>(() => sampler.Ask(TrialHistory.Empty));
        Assert.Equal(PluginFailure.Garbage, e.Failure);
        Assert.Contains("'x'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingPluginProgramIsReportedAsLoadFailed()
    {
        var e = Assert.Throws<PluginException>(() => new ProcessSampler(Space(), 1, null, new ProcessSamplerOptions("/nonexistent/transfer-plugin", [], TimeSpan.FromSeconds(5))));
        Assert.Equal(PluginFailure.LoadFailed, e.Failure);
    }

    private static ProcessSampler Start(string script, TimeSpan timeout) =>
        new(Space(), 1, null, new ProcessSamplerOptions("python3", ["-c", script], timeout));

    private static SearchSpace Space() => SearchSpace.Create(new SearchSpaceDefinition([new ParameterDefinition("x", ParameterKind.Float, 0, 1)]));
}
