using OrganoidBiomarkers.Reporting;
using Xunit;

namespace OrganoidBiomarkers.Tests.Reporting;

/// <summary>Which input set a run used, as the report and run.json say it (the connected case runs end to end in FixtureWorldConnectedTests).</summary>
public class InputSetTests
{
    [Fact]
    public void A_run_that_read_nothing_from_the_connected_folder_is_the_offline_mirror_and_names_its_main_rows()
    {
        var set = InputSet.Of(ReportFixture.Run());
        Assert.Equal("offline mirror", set.Kind);
        Assert.Empty(set.Connected);
        Assert.StartsWith("offline mirror", set.Line);
        Assert.NotEmpty(set.MainRows);
        Assert.All(set.MainRows, m => Assert.False(string.IsNullOrEmpty(m.ExpressionSource)));
        var json = set.ToJson();
        Assert.Equal("offline mirror", (string?)json["kind"]);
        Assert.Equal(set.MainRows.Count, json["main_rows"]!.AsArray().Count);
    }

    [Fact]
    public void Run_json_gains_the_input_set_and_keeps_what_the_runner_wrote()
    {
        var path = Path.Combine(Path.GetTempPath(), $"run-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, "{\n  \"git_commit\": \"abc\",\n  \"parameters\": {}\n}\n");
            var set = new InputSet([new ConnectedInputUse("string_v10_5", "original", "primary", "https://x/links.gz", new string('a', 64), "2026-12-05")], []);
            set.WriteInto(path);
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
            Assert.Equal("abc", doc.RootElement.GetProperty("git_commit").GetString());
            var input = doc.RootElement.GetProperty("input_set");
            Assert.Equal("connected", input.GetProperty("kind").GetString());
            Assert.Equal(new string('a', 64), input.GetProperty("connected_inputs")[0].GetProperty("sha256").GetString());
            Assert.Contains("string_v10_5 (original, primary, sha256 aaaaaaaaaaaa)", set.Line);
        }
        finally { File.Delete(path); }
    }
}
