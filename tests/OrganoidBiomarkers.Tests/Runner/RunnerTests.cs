using System.Text.Json;
using OrganoidBiomarkers.NotebookRunner;
using Xunit;

namespace OrganoidBiomarkers.Tests.Runner;

/// <summary>The headless runner: executing .dib notebooks, writing nbformat 4.5 with the Documents writer, staging and promotion.</summary>
public sealed class RunnerTests : IDisposable
{
    private readonly RunnerWorld _w = new();

    public void Dispose() => _w.Dispose();

    private static JsonElement ReadNotebook(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    [Fact]
    public async Task Executor_runs_every_cell_and_writes_nbformat_4_5_with_timings_under_metadata()
    {
        _w.With("01-ok.dib");
        Environment.SetEnvironmentVariable("PIPELINE_OUTPUT", _w.Root);
        var ipynb = Path.Combine(_w.Root, "out", "01-ok.ipynb");
        int code = await new NotebookExecutor(TextWriter.Null).RunAsync(new FileInfo(Path.Combine(_w.Notebooks, "01-ok.dib")), ipynb);
        Assert.Equal(0, code);
        var nb = ReadNotebook(ipynb);
        Assert.Equal(4, nb.GetProperty("nbformat").GetInt32());
        Assert.Equal(5, nb.GetProperty("nbformat_minor").GetInt32());
        Assert.Equal(".net-csharp", nb.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
        Assert.True(nb.GetProperty("metadata").GetProperty("pipeline").GetProperty("total_seconds").GetDouble() > 0);
        var cells = nb.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(new[] { "markdown", "code", "code" }, cells.Select(c => c.GetProperty("cell_type").GetString()));
        Assert.Equal(new[] { "01-ok-001", "01-ok-002", "01-ok-003" }, cells.Select(c => c.GetProperty("id").GetString()));
        var result = cells[2].GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("output_type").GetString() == "execute_result");
        Assert.Equal(2, result.GetProperty("execution_count").GetInt32());
        var shown = result.GetProperty("data").EnumerateObject().SelectMany(m => m.Value.EnumerateArray()).Select(x => x.GetString());
        Assert.Contains(">3<", string.Concat(shown));
        var timing = cells[1].GetProperty("metadata").GetProperty("pipeline");
        Assert.True(timing.GetProperty("seconds").GetDouble() >= 0);
        Assert.Equal("ok", timing.GetProperty("status").GetString());
        var stdout = cells[1].GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("output_type").GetString() == "stream");
        Assert.Equal("stdout", stdout.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Executor_stops_at_the_first_failing_cell_with_one_line_and_the_class_exit_code()
    {
        _w.With("02-fails.dib");
        Directory.CreateDirectory(Path.Combine(_w.Root, "results"));
        Environment.SetEnvironmentVariable("PIPELINE_OUTPUT", _w.Root);
        var progress = new StringWriter();
        var ipynb = Path.Combine(_w.Root, "02-fails.ipynb");
        int code = await new NotebookExecutor(progress).RunAsync(new FileInfo(Path.Combine(_w.Notebooks, "02-fails.dib")), ipynb);
        Assert.Equal(70, code); // an InvalidOperationException is no input class: internal
        var shown = progress.ToString();
        Assert.Contains("FAILED at code cell 2/3", shown);
        Assert.Contains("deliberate failure in cell 2", shown);
        Assert.DoesNotContain("   at ", shown); // the stack trace is in the notebook and a log, not on the screen
        var cells = ReadNotebook(ipynb).GetProperty("cells").EnumerateArray().ToList();
        var error = cells[1].GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("output_type").GetString() == "error");
        Assert.Equal("InvalidOperationException", error.GetProperty("ename").GetString());
        Assert.Equal("failed", cells[1].GetProperty("metadata").GetProperty("pipeline").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, cells[2].GetProperty("execution_count").ValueKind);
        Assert.Empty(cells[2].GetProperty("outputs").EnumerateArray());
    }

    [Fact]
    public async Task A_failed_pipeline_leaves_the_previous_output_exactly_and_keeps_the_run_for_inspection()
    {
        _w.With("01-ok.dib");
        Assert.Equal(0, (await _w.RunAsync()).Code);
        var before = _w.Fingerprint();
        _w.With("01-ok.dib", "02-fails.dib");
        var (code, _, err) = await _w.RunAsync();
        Assert.Equal(70, code);
        Assert.Equal(before, _w.Fingerprint());
        Assert.Contains("02-fails.dib", err);
        Assert.Contains("nothing was changed", err);
        Assert.True(File.Exists(Path.Combine(_w.Work, "failed-run", "notebooks", "02-fails.ipynb")));
        Assert.True(File.Exists(Path.Combine(_w.Work, "failed-run", "results", "partial.tsv")));
        Assert.Empty(Directory.GetDirectories(_w.Work, "staging-*"));
    }

    [Fact]
    public async Task A_successful_pipeline_promotes_outputs_passes_parameters_and_keeps_other_files()
    {
        _w.With("01-ok.dib");
        Directory.CreateDirectory(_w.Output);
        File.WriteAllText(Path.Combine(_w.Output, "apply_read_5fu.tsv"), "a user's file\n");
        var (code, _, _) = await _w.RunAsync("--param", "seed=7");
        Assert.Equal(0, code);
        Assert.Equal("a\n1\n", File.ReadAllText(Path.Combine(_w.Output, "results", "ok.tsv")));
        Assert.Equal("a user's file\n", File.ReadAllText(Path.Combine(_w.Output, "apply_read_5fu.tsv")));
        var nb = File.ReadAllText(Path.Combine(_w.Output, "notebooks", "01-ok.ipynb"));
        Assert.Contains("seed", nb);
        Assert.Contains("cwd notebooks", nb);
        var run = JsonDocument.Parse(File.ReadAllText(Path.Combine(_w.Output, "run.json"))).RootElement;
        Assert.Equal("7", run.GetProperty("parameters").GetProperty("seed").GetString());
        Assert.True(run.GetProperty("stages").GetProperty("01").GetProperty("outputs").TryGetProperty("results/ok.tsv", out _));
        Assert.Empty(Directory.GetDirectories(_w.Work, "staging-*"));
    }
}
