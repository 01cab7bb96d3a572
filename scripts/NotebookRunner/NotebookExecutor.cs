using System.Diagnostics;
using System.Text.Json;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;
using OrganoidBiomarkers.Cli;

namespace OrganoidBiomarkers.NotebookRunner;

/// <summary>
/// Runs one .dib notebook in-process on a C# kernel, cell by cell, stopping at the first failing cell, and writes the
/// executed notebook as .ipynb with the Interactive package's own Jupyter writer (nbformat 4.5, cell ids; per-cell
/// seconds and status under metadata.pipeline, the notebook's total under the notebook's metadata.pipeline).
/// Runs in its own process (see <see cref="PipelineCommand"/>): the kernel, the formatter registry and the current
/// directory are process-global.
/// </summary>
internal sealed class NotebookExecutor
{
    private static readonly KernelInfoCollection Kernels = [new Microsoft.DotNet.Interactive.Documents.KernelInfo("csharp", languageName: "C#")];

    private readonly TextWriter _progress;

    public NotebookExecutor(TextWriter progress) => _progress = progress;

    /// <summary>Returns 0 when every cell ran, else the exit code of the failing cell's exception class (<see cref="ExitCodes"/>).</summary>
    public async Task<int> RunAsync(FileInfo notebook, string ipynbPath)
    {
        var name = Path.GetFileNameWithoutExtension(notebook.Name);
        var source = await InteractiveDocument.LoadAsync(notebook, Kernels);
        var document = new InteractiveDocument([]);
        foreach (var e in source.Elements.Where(e => !string.IsNullOrWhiteSpace(e.Contents)))
        {
            bool markdown = e.KernelName is "markdown" or "md";
            if (!markdown && e.KernelName is not (null or "csharp"))
                throw new UsageException($"{notebook.FullName}: a cell in kernel '{e.KernelName}' is not supported. Fix: use C# and markdown cells only");
            document.Add(new InteractiveDocumentElement(e.Contents.TrimEnd(), markdown ? "markdown" : "csharp", [])
            {
                Id = $"{name}-{document.Elements.Count + 1:D3}",
                Metadata = new Dictionary<string, object>(),
            });
        }

        using var kernel = CreateKernel();
        var codeCells = document.Elements.Where(e => e.KernelName == "csharp").ToList();
        int executed = 0;
        var total = Stopwatch.StartNew();
        int exitCode = ExitCodes.Ok;
        foreach (var cell in codeCells)
        {
            executed++;
            int position = document.Elements.IndexOf(cell) + 1;
            cell.ExecutionOrder = executed;
            _progress.WriteLine($"[{name}] cell {executed}/{codeCells.Count} (notebook cell {position}) running, {total.Elapsed.TotalSeconds:F1} s elapsed");
            var sw = Stopwatch.StartNew();
            var result = await kernel.SendAsync(new SubmitCode(cell.Contents, "csharp"));
            sw.Stop();
            var failure = Collect(result.Events, cell);
            cell.Metadata ??= new Dictionary<string, object>();
            cell.Metadata["pipeline"] = new Dictionary<string, object> { ["seconds"] = Math.Round(sw.Elapsed.TotalSeconds, 3), ["status"] = failure is null ? "ok" : "failed" };
            if (failure is not null)
            {
                exitCode = ExitCodes.Classify(failure.Value.Type);
                // One line on the screen; the stack trace stays in the executed notebook and a log.
                var log = ErrorReport.WriteLog("run-pipeline-" + name, $"{notebook.FullName}, code cell {executed} (notebook cell {position}):\n{failure.Value.Trace}");
                string line = $"code cell {executed}/{codeCells.Count} (notebook cell {position}) failed after {sw.Elapsed.TotalSeconds:F1} s: "
                    + ErrorReport.OneLine(failure.Value.Type, exitCode, failure.Value.Message, log)[(failure.Value.Type.Length + 2)..];
                _progress.WriteLine($"[{name}] FAILED at {line}");
                WriteFailure(exitCode, line);
                break;
            }
            _progress.WriteLine($"[{name}] cell {executed}/{codeCells.Count} ok in {sw.Elapsed.TotalSeconds:F1} s");
        }
        total.Stop();
        document.Metadata["pipeline"] = new Dictionary<string, object> { ["total_seconds"] = Math.Round(total.Elapsed.TotalSeconds, 3) };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(ipynbPath))!);
        File.WriteAllText(ipynbPath, Notebook.ToJupyterJson(document, "csharp") + "\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        _progress.WriteLine($"[{name}] {(exitCode == 0 ? "done" : "stopped")} in {total.Elapsed.TotalSeconds:F1} s; wrote {ipynbPath}");
        return exitCode;
    }

    /// <summary>Tells the runner (through the file it named) what failed, in one line.</summary>
    private static void WriteFailure(int code, string message)
    {
        if (Environment.GetEnvironmentVariable(RunEnvironment.FailureFile) is not { Length: > 0 } path) return;
        try
        {
            File.WriteAllText(path, JsonSerializer.Serialize(new { code, message }));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The runner then reports the exit code alone.
        }
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

    /// <summary>Adds the cell's outputs; returns the failure (exception type name, message, full trace) when the cell failed.</summary>
    private static (string Type, string Message, string Trace)? Collect(IEnumerable<KernelEvent> events, InteractiveDocumentElement cell)
    {
        (string Type, string Message, string Trace)? failure = null;
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
                    var result = new ReturnValueElement { ExecutionOrder = cell.ExecutionOrder };
                    foreach (var (mime, value) in Bundle(rv.FormattedValues)) result.Data[mime] = value;
                    cell.Outputs.Add(result);
                    break;
                case ErrorProduced ep:
                    failure ??= ("CompilationError", ep.Message, ep.Message);
                    cell.Outputs.Add(new ErrorElement(ep.Message.Split('\n')[0], "Error", ep.Message.Split('\n')));
                    break;
                case DisplayEvent de:
                    cell.Outputs.Add(new DisplayElement(Bundle(de.FormattedValues)));
                    break;
                case CommandFailed cf:
                    // evalue: the exception's own first line (our input errors are one line naming file, line and fix).
                    var type = cf.Exception?.GetType().Name ?? (failure?.Type ?? "CommandFailed");
                    var message = cf.Exception?.Message ?? cf.Message;
                    var trace = cf.Exception is { } ex ? $"{ex.GetType().FullName}: {ex.Message}\n{ex.StackTrace}" : cf.Message;
                    failure = (type, failure is { Type: "CompilationError" } f && cf.Exception is null ? f.Message : message, trace);
                    cell.Outputs.Add(new ErrorElement(message.Split('\n')[0], type, trace.Split('\n')));
                    break;
            }
        }
        return failure;
    }

    private static void AppendStream(InteractiveDocumentElement cell, string name, string text)
    {
        // Consecutive writes to one stream become one output, as Jupyter shows them.
        if (cell.Outputs.Count > 0 && cell.Outputs[^1] is TextElement last && last.Name == name)
            cell.Outputs[^1] = new TextElement(last.Text + text, name);
        else
            cell.Outputs.Add(new TextElement(text, name));
    }

    /// <summary>One value per mime type, in ordinal order so the file's bytes do not depend on the formatter's order.</summary>
    private static Dictionary<string, object> Bundle(IReadOnlyCollection<Microsoft.DotNet.Interactive.Formatting.FormattedValue> values)
    {
        var bundle = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var g in values.GroupBy(v => v.MimeType).OrderBy(g => g.Key, StringComparer.Ordinal)) bundle[g.Key] = g.First().Value;
        return bundle;
    }
}
