using System.Text.Json;
using OrganoidBiomarkers.NotebookRunner;
using Xunit;

namespace OrganoidBiomarkers.Tests.Runner;

/// <summary>The headless runner: executing .dib notebooks, writing nbformat 4.5, staging and promotion of outputs.</summary>
public sealed class RunnerTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("runner-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string CopyNotebooks(params string[] names)
    {
        var dir = Path.Combine(_work, "notebooks");
        Directory.CreateDirectory(dir);
        foreach (var n in names) File.Copy(TestPaths.Fixture("runner", "notebooks", n), Path.Combine(dir, n));
        return dir;
    }

    private static JsonElement ReadNotebook(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    [Fact]
    public async Task Executor_runs_every_cell_and_writes_nbformat_4_5()
    {
        var dir = CopyNotebooks("01-ok.dib");
        Environment.SetEnvironmentVariable("PIPELINE_OUTPUT", _work);
        var ipynb = Path.Combine(_work, "out", "01-ok.ipynb");
        int code = await new NotebookExecutor(TextWriter.Null).RunAsync(new FileInfo(Path.Combine(dir, "01-ok.dib")), ipynb);
        Assert.Equal(0, code);
        var nb = ReadNotebook(ipynb);
        Assert.Equal(4, nb.GetProperty("nbformat").GetInt32());
        Assert.Equal(5, nb.GetProperty("nbformat_minor").GetInt32());
        var cells = nb.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(new[] { "markdown", "code", "code" }, cells.Select(c => c.GetProperty("cell_type").GetString()));
        Assert.All(cells, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("id").GetString())));
        Assert.Equal(cells.Count, cells.Select(c => c.GetProperty("id").GetString()).Distinct().Count());
        var result = cells[2].GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("output_type").GetString() == "execute_result");
        Assert.Equal(2, result.GetProperty("execution_count").GetInt32());
        var shown = result.GetProperty("data").EnumerateObject().SelectMany(m => m.Value.EnumerateArray()).Select(x => x.GetString());
        Assert.Contains(">3<", string.Concat(shown));
        Assert.True(cells[1].GetProperty("metadata").GetProperty("pipeline").GetProperty("seconds").GetDouble() >= 0);
    }

    [Fact]
    public async Task Executor_stops_at_the_first_failing_cell_and_records_the_error()
    {
        var dir = CopyNotebooks("02-fails.dib");
        Directory.CreateDirectory(Path.Combine(_work, "results"));
        Environment.SetEnvironmentVariable("PIPELINE_OUTPUT", _work);
        var progress = new StringWriter();
        var ipynb = Path.Combine(_work, "02-fails.ipynb");
        int code = await new NotebookExecutor(progress).RunAsync(new FileInfo(Path.Combine(dir, "02-fails.dib")), ipynb);
        Assert.Equal(1, code);
        Assert.Contains("FAILED at code cell 2/3", progress.ToString());
        Assert.Contains("deliberate failure in cell 2", progress.ToString());
        var cells = ReadNotebook(ipynb).GetProperty("cells").EnumerateArray().ToList();
        var error = cells[1].GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("output_type").GetString() == "error");
        Assert.Equal("InvalidOperationException", error.GetProperty("ename").GetString());
        Assert.Equal(JsonValueKind.Null, cells[2].GetProperty("execution_count").ValueKind);
        Assert.Empty(cells[2].GetProperty("outputs").EnumerateArray());
    }

    [Fact]
    public async Task A_failed_pipeline_promotes_nothing_and_keeps_the_run_for_inspection()
    {
        var dir = CopyNotebooks("01-ok.dib", "02-fails.dib");
        var output = Path.Combine(_work, "output");
        var options = CommandLine.Parse(["--notebooks", dir, "--output", output, "--timeout-seconds", "300"]);
        int code = await new PipelineCommand(options).RunAsync();
        Assert.Equal(1, code);
        Assert.False(Directory.Exists(Path.Combine(output, "results")));
        Assert.True(File.Exists(Path.Combine(output, "failed-run", "notebooks", "02-fails.ipynb")));
        Assert.True(File.Exists(Path.Combine(output, "failed-run", "results", "partial.tsv")));
    }

    [Fact]
    public async Task A_successful_pipeline_promotes_outputs_and_passes_parameters()
    {
        var dir = CopyNotebooks("01-ok.dib");
        var output = Path.Combine(_work, "output");
        var options = CommandLine.Parse(["--notebooks", dir, "--output", output, "--param", "drug=CISPLATIN"]);
        Assert.Equal(0, await new PipelineCommand(options).RunAsync());
        Assert.Equal("a\n1\n", File.ReadAllText(Path.Combine(output, "results", "ok.tsv")));
        var nb = File.ReadAllText(Path.Combine(output, "notebooks", "01-ok.ipynb"));
        Assert.Contains("CISPLATIN", nb);
        Assert.Contains("cwd notebooks", nb);
        Assert.False(Directory.Exists(Path.Combine(output, ".staging")));
        Assert.True(File.Exists(Path.Combine(output, "run.json")));
    }

    [Theory]
    [InlineData("--param", "novalue")]
    [InlineData("--timeout-seconds", "-1")]
    [InlineData("--bogus")]
    public void Bad_arguments_are_refused(params string[] args) =>
        Assert.Throws<CommandLineException>(() => CommandLine.Parse([.. args, "--notebooks", "."]));

    [Fact]
    public void Multiline_text_is_split_keeping_newlines_as_nbformat_wants() =>
        Assert.Equal(new[] { "a\n", "b\n", "c" }, IpynbWriter.SplitKeepingNewlines("a\nb\nc"));
}
