using System.Text.Json;
using Xunit;

namespace OrganoidBiomarkers.Tests.Runner;

/// <summary>
/// Stage freshness on a three-stage fixture: 02 writes the dilution_range it was given to stages/02/value.tsv; 03 reads
/// that file and n_random and writes results/derived.tsv. A partial run (--only) never leaves a later stage computed
/// from other upstream outputs or parameters than run.json records. One scenario, step by step (each notebook process
/// costs seconds).
/// </summary>
public sealed class FreshnessTests : IDisposable
{
    private readonly RunnerWorld _w = new RunnerWorld().With("01-ok.dib", "02-param.dib", "03-derived.dib");

    public void Dispose() => _w.Dispose();

    private string Derived => File.ReadAllText(Path.Combine(_w.Output, "results", "derived.tsv"));

    private JsonElement Run => JsonDocument.Parse(File.ReadAllText(Path.Combine(_w.Output, "run.json"))).RootElement;

    [Fact]
    public async Task Partial_runs_never_leave_a_stage_made_from_other_inputs_than_recorded()
    {
        // No earlier run: a partial run has nothing to build on.
        var (code, output, err) = await _w.RunAsync("--only", "03");
        Assert.Equal(4, code);
        Assert.Contains("have no record of what they were made from", err);
        Assert.False(Directory.Exists(_w.Output));

        Assert.Equal(0, (await _w.RunAsync()).Code);
        Assert.Equal("from_02\tn_random\n256\t1000\n", Derived);

        // Same inputs: the later stage is kept.
        (code, output, _) = await _w.RunAsync("--only", "02");
        Assert.Equal(0, code);
        Assert.Contains("stage 03 kept: its inputs did not change", output);

        // A parameter of an earlier stage that is not rerun: refused before any work.
        var before = _w.Fingerprint();
        (code, _, err) = await _w.RunAsync("--only", "03", "--param", "dilution_range=64");
        Assert.Equal(2, code);
        Assert.Contains("--param dilution_range=64: stage 02, which --only 03 does not rerun, was computed with dilution_range=256", err);
        Assert.Contains("Fix: --only 02,03", err);
        Assert.Equal(before, _w.Fingerprint());

        // --only 02 with a changed parameter: 02's output changes, so 03 (made from it) is rerun; run.json says so.
        (code, output, _) = await _w.RunAsync("--only", "02", "--param", "dilution_range=64");
        Assert.Equal(0, code);
        Assert.Contains("stage 03 reruns: later stage made from outputs of stage 02 that this run changed", output);
        Assert.Equal("from_02\tn_random\n64\t1000\n", Derived);
        var stages = Run.GetProperty("stages");
        Assert.Equal("64", stages.GetProperty("02").GetProperty("parameters").GetProperty("dilution_range").GetString());
        Assert.Equal(stages.GetProperty("03").GetProperty("upstream").GetProperty("02").GetString(),
            OrganoidBiomarkers.NotebookRunner.StageRecord.Digest(stages.GetProperty("02").GetProperty("outputs").EnumerateObject()
                .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!))));

        // A partial run keeps the earlier stages' parameters (and says so in run.json).
        Assert.Equal(0, (await _w.RunAsync("--only", "03")).Code);
        Assert.Equal("64", Run.GetProperty("parameters").GetProperty("dilution_range").GetString());
        Assert.Equal("from_02\tn_random\n64\t1000\n", Derived);

        // A later stage that reads a changed parameter is rerun too.
        (code, output, _) = await _w.RunAsync("--only", "01", "--param", "n_random=5");
        Assert.Equal(0, code);
        Assert.Contains("stage 03 will be rerun too: later stage that reads n_random=5 (was n_random=1000)", output);
        Assert.Contains("stage 02 kept", output);
        Assert.Equal("from_02\tn_random\n64\t5\n", Derived);

        // An earlier stage's output edited by hand: refused, naming the file.
        File.WriteAllText(Path.Combine(_w.Output, "stages", "02", "value.tsv"), "dilution_range\n");
        before = _w.Fingerprint();
        (code, _, err) = await _w.RunAsync("--only", "03");
        Assert.Equal(3, code);
        Assert.Contains("value.tsv is not the file stage 02 wrote", err);
        Assert.Equal(before, _w.Fingerprint());
    }
}
