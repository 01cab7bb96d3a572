using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace OrganoidBiomarkers.JupyterExport;

/// <summary>
/// A .dib notebook as an unexecuted .ipynb that Jupyter opens with the .NET (C#) kernel: parsed and written by
/// Microsoft.DotNet.Interactive.Documents (kernelspec <c>.net-csharp</c>), then made valid nbformat 4.5 (every cell
/// gets a stable id, "NN-name-001", ...: the Documents writer leaves them out). Cell sources are unchanged, so the
/// notebook's <c>#load "_setup.csx"</c> resolves when the .ipynb sits, with a copy of _setup.csx, in a folder at the
/// same depth as notebooks/ (its <c>#r "../lib/..."</c> paths then point at the same library).
/// </summary>
internal static class NotebookExport
{
    public static async Task<string> ToIpynbAsync(FileInfo dib)
    {
        var kernels = new KernelInfoCollection { new KernelInfo("csharp", languageName: "C#") };
        kernels.DefaultKernelName = "csharp";
        var document = await InteractiveDocument.LoadAsync(dib, kernels);
        foreach (var element in document.Elements)
            if (element.KernelName is not ("csharp" or "markdown" or "md"))
                throw new InvalidOperationException($"{dib.FullName}: a cell in kernel '{element.KernelName}' (only C# and markdown notebooks are exported)");
        var json = JsonNode.Parse(Notebook.ToJupyterJson(document, "C#"))!.AsObject();
        string name = Path.GetFileNameWithoutExtension(dib.Name);
        var cells = json["cells"]!.AsArray();
        for (int i = 0; i < cells.Count; i++)
        {
            var obj = cells[i]!.AsObject();
            var ordered = new JsonObject { ["cell_type"] = obj["cell_type"]!.DeepClone(), ["id"] = $"{name}-{i + 1:D3}" };
            foreach (var (key, value) in obj.ToList())
                if (key is not ("cell_type" or "id")) ordered[key] = value?.DeepClone();
            cells[i] = ordered;
        }
        json["nbformat"] = 4;
        json["nbformat_minor"] = 5;
        var kernelspec = json["metadata"]?["kernelspec"]?["name"]?.GetValue<string>();
        if (kernelspec != ".net-csharp") throw new InvalidOperationException($"{dib.FullName}: exported with kernelspec '{kernelspec}', expected .net-csharp");
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    public static async Task ExportAsync(FileInfo dib, string outputDir)
    {
        Directory.CreateDirectory(outputDir);
        var text = await ToIpynbAsync(dib);
        await File.WriteAllTextAsync(Path.Combine(outputDir, Path.GetFileNameWithoutExtension(dib.Name) + ".ipynb"), text, new UTF8Encoding(false));
    }
}
