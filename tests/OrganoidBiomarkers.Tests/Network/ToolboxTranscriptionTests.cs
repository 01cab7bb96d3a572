using Xunit;

namespace OrganoidBiomarkers.Tests.Network;

public class ToolboxTranscriptionTests
{
    [Fact]
    public void The_benchmark_uses_the_same_toolbox_transcription_as_the_goldens()
    {
        // Golden/network/toolbox_proximity.py made the test goldens; scripts/bench/reference/ holds the copy the
        // benchmark runs. They must not drift apart.
        var golden = File.ReadAllText(TestPaths.Golden("network", "toolbox_proximity.py"));
        string? bench = null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && bench is null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scripts", "bench", "reference", "toolbox_proximity.py");
            if (File.Exists(candidate)) bench = candidate;
        }
        Assert.True(bench is not null, "scripts/bench/reference/toolbox_proximity.py not found above the test folder");
        Assert.Equal(golden, File.ReadAllText(bench!));
    }
}
