using System.Text.Json;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>One GDC file and the case (patient UUID) it belongs to.</summary>
/// <param name="FileName">The file's name, e.g. an HTSeq FPKM-UQ file.</param>
/// <param name="CaseId">The case UUID in lower case (the patient's bcr_patient_uuid).</param>
/// <param name="ProjectId">e.g. "TCGA-COAD"; "" when the entry names no project.</param>
/// <param name="DataCategory">e.g. "Transcriptome Profiling".</param>
public sealed record GdcFile(string FileName, string CaseId, string ProjectId, string DataCategory);

/// <summary>One row of a GDC download manifest.</summary>
/// <param name="Id">GDC file UUID.</param>
/// <param name="FileName">The file's name.</param>
/// <param name="Md5">MD5 of the file, hex.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="State">GDC state as written (e.g. "released").</param>
public sealed record GdcManifestRow(string Id, string FileName, string Md5, long Size, string State);

/// <summary>Readers of GDC file metadata (files API JSON export) and GDC download manifests.</summary>
public static class GdcFiles
{
    /// <summary>The files API export: a JSON array of {file_name, data_category, cases: [{case_id, project: {project_id}}]}.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>One row per (file, case), in file order.</returns>
    /// <exception cref="InputException">Not valid JSON, not an array, an entry without cases or without a string field.</exception>
    public static IReadOnlyList<GdcFile> ReadMetadata(string path)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InputException(path, (int)(e.LineNumber ?? 0) + 1, $"not valid JSON ({e.Message.Split('.')[0]})", "restore the original file (truncated?)");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                throw new InputException(path, 1, "the top level is not a JSON array of files", "use the GDC files API export (files.*.json)");
            var files = new List<GdcFile>();
            int i = 0;
            foreach (var f in doc.RootElement.EnumerateArray())
            {
                i++;
                string Get(JsonElement e, string name) =>
                    e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!
                        : throw new InputException(path, 0, $"file entry {i} has no string '{name}'", "restore the original file");
                if (!f.TryGetProperty("cases", out var cases) || cases.ValueKind != JsonValueKind.Array || cases.GetArrayLength() == 0)
                    throw new InputException(path, 0, $"file entry {i} ({Get(f, "file_name")}) has no cases", "restore the original file");
                foreach (var c in cases.EnumerateArray())
                {
                    var project = c.TryGetProperty("project", out var p) ? Get(p, "project_id") : "";
                    files.Add(new GdcFile(Get(f, "file_name"), Get(c, "case_id").ToLowerInvariant(), project, Get(f, "data_category")));
                }
            }
            return files;
        }
    }

    /// <summary>A GDC download manifest (tab-separated: id, filename, md5, size, state), in file order.</summary>
    /// <param name="path">The manifest file.</param>
    /// <exception cref="InputException">A missing column, or a size that is not an integer (names the line).</exception>
    public static IReadOnlyList<GdcManifestRow> ReadManifest(string path)
    {
        var t = DelimitedFile.Read(path, '\t');
        var c = t.RequireColumns("id", "filename", "md5", "size", "state");
        return t.Rows.Select(r => new GdcManifestRow(r[c["id"]], r[c["filename"]], r[c["md5"]],
            long.TryParse(r[c["size"]], out var s) ? s : throw new InputException(path, r.Line, $"size '{r[c["size"]]}' is not an integer", "restore the original file"),
            r[c["state"]])).ToList();
    }
}
