using System.Text;
using System.Text.Json;

namespace OrganoidBiomarkers.NotebookRunner;

/// <summary>
/// Writes nbformat 4.5 JSON (cell ids, per-cell timings under metadata.pipeline: metadata.execution is reserved by the schema for Jupyter's own timestamps) so the executed notebooks open in
/// Jupyter, VS Code and GitHub. Written by hand with Utf8JsonWriter so key order and bytes are stable.
/// </summary>
internal static class IpynbWriter
{
    public static void Write(string path, IReadOnlyList<CellRecord> cells, string notebookName, double totalSeconds)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("cells");
            for (int i = 0; i < cells.Count; i++) WriteCell(w, cells[i], $"{notebookName}-{i + 1:D3}");
            w.WriteEndArray();
            w.WriteStartObject("metadata");
            w.WriteStartObject("kernelspec");
            w.WriteString("display_name", ".NET (C#)");
            w.WriteString("language", "C#");
            w.WriteString("name", ".net-csharp");
            w.WriteEndObject();
            w.WriteStartObject("language_info");
            w.WriteString("file_extension", ".cs");
            w.WriteString("mimetype", "text/x-csharp");
            w.WriteString("name", "C#");
            w.WriteString("pygments_lexer", "csharp");
            w.WriteEndObject();
            w.WriteStartObject("pipeline");
            w.WriteNumber("total_seconds", Math.Round(totalSeconds, 3));
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteNumber("nbformat", 4);
            w.WriteNumber("nbformat_minor", 5);
            w.WriteEndObject();
        }
        File.WriteAllBytes(path, stream.ToArray());
    }

    private static void WriteCell(Utf8JsonWriter w, CellRecord cell, string id)
    {
        w.WriteStartObject();
        bool code = cell.Kind == "code";
        w.WriteString("cell_type", code ? "code" : "markdown");
        w.WriteString("id", id);
        w.WriteStartObject("metadata");
        if (code)
        {
            w.WriteStartObject("dotnet_interactive");
            w.WriteString("language", cell.Language);
            w.WriteEndObject();
            if (cell.Seconds is double s)
            {
                w.WriteStartObject("pipeline");
                w.WriteNumber("seconds", Math.Round(s, 3));
                w.WriteString("status", cell.Status ?? "ok");
                w.WriteEndObject();
            }
        }
        w.WriteEndObject();
        WriteMultiline(w, "source", cell.Source);
        if (code)
        {
            if (cell.ExecutionCount is int n) w.WriteNumber("execution_count", n); else w.WriteNull("execution_count");
            w.WriteStartArray("outputs");
            foreach (var o in cell.Outputs) WriteOutput(w, o, cell.ExecutionCount);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteOutput(Utf8JsonWriter w, CellOutput output, int? count)
    {
        w.WriteStartObject();
        switch (output)
        {
            case StreamOutput so:
                w.WriteString("output_type", "stream");
                w.WriteString("name", so.Name);
                WriteMultiline(w, "text", so.Text);
                break;
            case DataOutput d:
                w.WriteString("output_type", d.IsResult ? "execute_result" : "display_data");
                w.WriteStartObject("data");
                foreach (var (mime, value) in d.Data.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    // nbformat stores binary images as one base64 string, text as a list of lines.
                    if (mime.StartsWith("image/", StringComparison.Ordinal) && mime != "image/svg+xml") w.WriteString(mime, value);
                    else WriteMultiline(w, mime, value);
                }
                w.WriteEndObject();
                w.WriteStartObject("metadata");
                w.WriteEndObject();
                if (d.IsResult) { if (count is int n) w.WriteNumber("execution_count", n); else w.WriteNull("execution_count"); }
                break;
            case ErrorOutput e:
                w.WriteString("output_type", "error");
                w.WriteString("ename", e.Name);
                w.WriteString("evalue", e.Value);
                w.WriteStartArray("traceback");
                foreach (var line in e.Traceback) w.WriteStringValue(line);
                w.WriteEndArray();
                break;
        }
        w.WriteEndObject();
    }

    private static void WriteMultiline(Utf8JsonWriter w, string name, string text)
    {
        w.WriteStartArray(name);
        foreach (var line in SplitKeepingNewlines(text)) w.WriteStringValue(line);
        w.WriteEndArray();
    }

    internal static IEnumerable<string> SplitKeepingNewlines(string text)
    {
        var sb = new StringBuilder();
        foreach (char c in text)
        {
            sb.Append(c);
            if (c == '\n') { yield return sb.ToString(); sb.Clear(); }
        }
        if (sb.Length > 0) yield return sb.ToString();
    }
}
