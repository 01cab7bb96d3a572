using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace OrganoidBiomarkers.NotebookRunner;

/// <summary>
/// Runs one .dib notebook in-process on a C# kernel, cell by cell, stopping at the first failing cell, and writes the
/// executed notebook as .ipynb. Runs in its own process (see <see cref="PipelineCommand"/>): the kernel, the
/// formatter registry and the current directory are process-global.
/// </summary>
internal sealed class NotebookExecutor
{
    private readonly TextWriter _progress;

    public NotebookExecutor(TextWriter progress) => _progress = progress;

    /// <summary>Returns 0 when every cell ran, 1 when a cell failed.</summary>
    public async Task<int> RunAsync(FileInfo notebook, string ipynbPath)
    {
        var name = Path.GetFileNameWithoutExtension(notebook.Name);
        var kernelInfos = new KernelInfoCollection { new Microsoft.DotNet.Interactive.Documents.KernelInfo("csharp", languageName: "C#") };
        var document = await InteractiveDocument.LoadAsync(notebook, kernelInfos);

        var cells = document.Elements
            .Where(e => !string.IsNullOrWhiteSpace(e.Contents))
            .Select(e => new CellRecord(e.KernelName is "markdown" or "md" ? "markdown" : "code", e.KernelName ?? "csharp", e.Contents.TrimEnd() ))
            .ToList();
        foreach (var bad in cells.Where(c => c.Kind == "code" && c.Language != "csharp"))
            throw new InvalidOperationException($"{notebook.FullName}: cell in kernel '{bad.Language}' is not supported (only C# and markdown)");

        using var kernel = CreateKernel();
        int codeCells = cells.Count(c => c.Kind == "code");
        int executed = 0;
        var total = Stopwatch.StartNew();
        int exitCode = 0;
        for (int i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (cell.Kind != "code") continue;
            executed++;
            cell.ExecutionCount = executed;
            _progress.WriteLine($"[{name}] cell {executed}/{codeCells} (notebook cell {i + 1}) running, {total.Elapsed.TotalSeconds:F1} s elapsed");
            _progress.Flush();
            var sw = Stopwatch.StartNew();
            var result = await kernel.SendAsync(new SubmitCode(cell.Source, "csharp"));
            sw.Stop();
            cell.Seconds = sw.Elapsed.TotalSeconds;
            string? failure = Collect(result.Events, cell);
            if (failure is not null)
            {
                cell.Status = "failed";
                _progress.WriteLine($"[{name}] FAILED at code cell {executed}/{codeCells} (notebook cell {i + 1}) after {sw.Elapsed.TotalSeconds:F1} s:");
                _progress.WriteLine(Indent(failure));
                exitCode = 1;
                break;
            }
            cell.Status = "ok";
            _progress.WriteLine($"[{name}] cell {executed}/{codeCells} ok in {sw.Elapsed.TotalSeconds:F1} s");
            _progress.Flush();
        }
        total.Stop();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(ipynbPath))!);
        IpynbWriter.Write(ipynbPath, cells, name, total.Elapsed.TotalSeconds);
        _progress.WriteLine($"[{name}] {(exitCode == 0 ? "done" : "stopped")} in {total.Elapsed.TotalSeconds:F1} s; wrote {ipynbPath}");
        _progress.Flush();
        return exitCode;
    }

    private static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective((k, refs) =>
            {
                k.AddAssemblyReferences(refs.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            })
            .UseKernelHelpers()
            .UseValueSharing();
        var composite = new CompositeKernel { csharp };
        composite.DefaultKernelName = csharp.Name;
        return composite;
    }

    /// <summary>Adds the cell's outputs; returns the failure text when the cell failed.</summary>
    private static string? Collect(IEnumerable<KernelEvent> events, CellRecord cell)
    {
        string? failure = null;
        foreach (var ev in events)
        {
            switch (ev)
            {
                case StandardOutputValueProduced so:
                    AppendStream(cell, "stdout", so.FormattedValues.FirstOrDefault()?.Value ?? "");
                    break;
                case StandardErrorValueProduced se:
                    AppendStream(cell, "stderr", se.FormattedValues.FirstOrDefault()?.Value ?? "");
                    break;
                case DisplayedValueUpdated:
                    break; // progress-style updates: the final value is displayed separately
                case ReturnValueProduced rv:
                    cell.Outputs.Add(new DataOutput(true, Bundle(rv.FormattedValues)));
                    break;
                case ErrorProduced ep:
                    failure ??= ep.Message;
                    cell.Outputs.Add(new ErrorOutput("Error", ep.Message, ep.Message.Split('\n')));
                    break;
                case DisplayEvent de:
                    cell.Outputs.Add(new DataOutput(false, Bundle(de.FormattedValues)));
                    break;
                case CommandFailed cf:
                    // First line: the exception's own message (our input errors are one line naming file, line and fix).
                    failure = cf.Exception is { } ex ? $"{ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}" : cf.Message;
                    var firstLine = (cf.Exception?.Message ?? cf.Message).Split('\n')[0];
                    cell.Outputs.Add(new ErrorOutput(cf.Exception?.GetType().Name ?? "CommandFailed", firstLine, failure.Split('\n')));
                    break;
            }
        }
        return failure;
    }

    private static void AppendStream(CellRecord cell, string name, string text)
    {
        // Consecutive writes to one stream become one output, as Jupyter shows them.
        if (cell.Outputs.Count > 0 && cell.Outputs[^1] is StreamOutput last && last.Name == name)
            cell.Outputs[^1] = last with { Text = last.Text + text };
        else
            cell.Outputs.Add(new StreamOutput(name, text));
    }

    private static Dictionary<string, string> Bundle(IReadOnlyCollection<Microsoft.DotNet.Interactive.Formatting.FormattedValue> values) =>
        values.GroupBy(v => v.MimeType).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Take(25).Select(l => "    " + l));
}
