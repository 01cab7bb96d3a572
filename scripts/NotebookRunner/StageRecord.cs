using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrganoidBiomarkers.NotebookRunner;

/// <summary>
/// What one stage's outputs were computed from, kept in run.json under "stages": the notebook's sha256, the values of
/// the parameters it reads (<see cref="PipelineParameters"/>), the data it was given (mirror, data config), the
/// digest of every earlier stage's outputs at the time, and the sha256 of each file it wrote under results/ and
/// stages/. A later stage whose recorded upstream digests differ from the current ones was made from other inputs.
/// </summary>
internal sealed record StageRecord(
    string Stage,
    string Notebook,
    string NotebookSha256,
    SortedDictionary<string, string> Parameters,
    string Data,
    SortedDictionary<string, string> Upstream,
    SortedDictionary<string, string> Outputs)
{
    /// <summary>One digest of every output file (path and sha256), the identity of what this stage handed over.</summary>
    public string OutputsDigest => Digest(Outputs);

    public static string Digest(IEnumerable<KeyValuePair<string, string>> entries) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}\t{e.Value}\n")))));

    public static string FileSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public JsonObject ToJson() => new()
    {
        ["notebook"] = Notebook,
        ["notebook_sha256"] = NotebookSha256,
        ["parameters"] = Map(Parameters),
        ["data"] = Data,
        ["upstream"] = Map(Upstream),
        ["outputs"] = Map(Outputs),
    };

    private static JsonObject Map(SortedDictionary<string, string> map)
    {
        var o = new JsonObject();
        foreach (var (k, v) in map) o[k] = v;
        return o;
    }

    /// <summary>The records of a run.json ("stages"), by stage; empty when the file or the section is absent or unreadable.</summary>
    public static SortedDictionary<string, StageRecord> ReadAll(string runJson)
    {
        var result = new SortedDictionary<string, StageRecord>(StringComparer.Ordinal);
        if (!File.Exists(runJson)) return result;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(runJson));
            if (!doc.RootElement.TryGetProperty("stages", out var stages) || stages.ValueKind != JsonValueKind.Object) return result;
            foreach (var s in stages.EnumerateObject())
            {
                var e = s.Value;
                result[s.Name] = new StageRecord(s.Name, e.GetProperty("notebook").GetString()!, e.GetProperty("notebook_sha256").GetString()!,
                    ReadMap(e.GetProperty("parameters")), e.GetProperty("data").GetString()!, ReadMap(e.GetProperty("upstream")), ReadMap(e.GetProperty("outputs")));
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            result.Clear(); // unreadable records: treated as absent (a partial run is then refused)
        }
        return result;
    }

    private static SortedDictionary<string, string> ReadMap(JsonElement e)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject()) map[p.Name] = p.Value.GetString()!;
        return map;
    }
}
