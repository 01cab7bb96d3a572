using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Data.Remote;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data.Remote;

/// <summary>How the pipeline finds connected inputs: manifest rows with fetch mode "connected", verified against data/connected/inputs.tsv.</summary>
public sealed class DataStoreConnectedTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("store-connected-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Connected => Path.Combine(_root, "connected");

    private static ManifestEntry Entry(string id, string file, string status = "missing") =>
        new(id, file, "input", status, null, null, FetchMode.Connected, "https://stringdb-static.org/download/x", "scripts/fetch-inputs", "CC BY 4.0", $"{id} content", "what the paper used");

    private DataStore Store(params ManifestEntry[] entries) => new(entries, null, Path.Combine(_root, "cache"), null, connectedDir: Connected);

    /// <summary>Writes an input and its record row the way the fetch does.</summary>
    private string Place(string id, string file, string content, string status = "original")
    {
        var path = Path.Combine(Connected, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        var (bytes, sha) = OriginFetcher.Measure(path);
        ConnectedRecord.Read(Path.Combine(Connected, ConnectedRecord.FileName))
            .Upsert(new ConnectedInput(id, file, sha, bytes, "string/x.gz@" + new string('a', 64), "v1: rule", "https://stringdb-static.org/x", "primary", status, "2026-12-05"));
        return path;
    }

    [Fact]
    public void A_fetched_input_resolves_from_the_connected_folder_with_its_record()
    {
        var path = Place("string_v10_5", "inputs/edges.tsv", "gene_a\tgene_b\tweight\nA\tB\t900\n");
        var store = Store(Entry("string_v10_5", "inputs/edges.tsv"));
        Assert.True(store.IsAvailable("string_v10_5"));
        var r = store.Resolve("string_v10_5");
        Assert.Equal((InputSource.Connected, path), (r.Source, r.Path));
        Assert.Equal("primary", r.Connected!.Origin);
    }

    [Fact]
    public void An_input_not_fetched_is_unavailable_and_says_how_to_fetch_it()
    {
        var store = Store(Entry("string_v10_5", "inputs/edges.tsv"));
        Assert.False(store.IsAvailable("string_v10_5"));
        var e = Assert.Throws<DataUnavailableException>(() => store.Resolve("string_v10_5"));
        Assert.Contains("has not been fetched", e.Message);
        Assert.Contains("run scripts/fetch-inputs", e.Message);
        var none = new DataStore([Entry("string_v10_5", "inputs/edges.tsv")], null, Path.Combine(_root, "cache"), null);
        Assert.False(none.IsAvailable("string_v10_5"));
        Assert.Contains("no connected folder is set", Assert.Throws<DataUnavailableException>(() => none.Resolve("string_v10_5")).Message);
    }

    [Fact]
    public void A_recorded_input_whose_file_is_gone_or_renamed_stops_the_run_instead_of_falling_back_to_the_stand_in()
    {
        var path = Place("string_v10_5", "inputs/edges.tsv", "gene_a\tgene_b\tweight\nA\tB\t900\n");
        File.Delete(path);
        var store = Store(Entry("string_v10_5", "inputs/edges.tsv"));
        Assert.True(store.IsAvailable("string_v10_5"));
        var gone = Assert.Throws<DataUnavailableException>(() => store.Resolve("string_v10_5"));
        Assert.Contains($"{path} does not exist", gone.Message);
        Place("string_v10_5", "inputs/edges.tsv", "gene_a\tgene_b\tweight\nA\tB\t900\n");
        var renamed = Store(Entry("string_v10_5", "inputs/edges_v2.tsv"));
        Assert.True(renamed.IsAvailable("string_v10_5"));
        Assert.Contains("is recorded as inputs/edges.tsv but data/manifest.tsv names inputs/edges_v2.tsv",
            Assert.Throws<InputException>(() => renamed.Resolve("string_v10_5")).Message);
    }

    [Fact]
    public void A_connected_file_changed_after_the_fetch_is_refused()
    {
        var path = Place("string_v10_5", "inputs/edges.tsv", "gene_a\tgene_b\tweight\nA\tB\t900\n");
        File.AppendAllText(path, "C\tD\t950\n");
        var e = Assert.Throws<InputException>(() => Store(Entry("string_v10_5", "inputs/edges.tsv")).Resolve("string_v10_5"));
        Assert.Contains(path, e.Message);
        Assert.Contains("rerun scripts/fetch-inputs", e.Message);
    }

    [Fact]
    public void The_manifest_accepts_connected_rows_without_a_sha256()
    {
        var header = string.Join('\t', Manifest.Columns);
        var path = Path.Combine(_root, "manifest.tsv");
        File.WriteAllText(path, $"{header}\nstring_v10_5\tinputs/edges.tsv\tinput\tmissing\t\t\tconnected\thttps://x\to\tl\tc\tp\n");
        Assert.Equal(FetchMode.Connected, Manifest.Read(path).Single().Fetch);
        File.WriteAllText(path, $"{header}\nx\tf\tinput\tmissing\t\t\tconected\thttps://x\to\tl\tc\tp\n");
        Assert.Contains("not one of direct, mirror-only, not-available, connected", Assert.Throws<InputException>(() => Manifest.Read(path)).Message);
    }

    [Fact]
    public void The_inventory_of_an_offline_run_lists_missing_paper_inputs_as_before_and_leaves_out_connected_extras()
    {
        var paper = Entry("string_v10_5", "inputs/edges.tsv");
        var extra = Entry("blca_biotab_patient", "inputs/patient.txt", status: "connected");
        var notAvailable = paper with { Fetch = FetchMode.NotAvailable, File = "(not available)" };
        var offline = Inventory.Load(Store(paper, extra), CountLog.Silent);
        var before = Inventory.Load(Store(notAvailable), CountLog.Silent);
        Assert.Equal(before, offline);
        Assert.Equal("(not available)", offline.Single().File);

        Place("string_v10_5", "inputs/edges.tsv", "gene_a\tgene_b\tweight\nA\tB\t900\nB\tC\t700\n", status: "original");
        var fetched = Inventory.Load(Store(paper, extra), CountLog.Silent).Single();
        Assert.Equal(("inputs/edges.tsv", "original", "connected", 2), (fetched.File, fetched.Status, fetched.Source, fetched.Rows));
    }

    [Fact]
    public void The_repository_manifest_keeps_the_five_paper_inputs_as_missing_connected_rows()
    {
        var manifest = Manifest.Read(Path.Combine(DataMirror.RepoRoot()!, "data", "manifest.tsv"));
        var connected = manifest.Where(e => e.Fetch == FetchMode.Connected).ToList();
        Assert.Equal(["blca_organoid_expression", "blca_organoid_response_published", "string_v10_5", "tcga_blca_fpkm_uq", "tcga_coad_fpkm_uq"],
            connected.Where(e => e.Status == "missing").Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(manifest, e => e.Fetch == FetchMode.NotAvailable);
        // Every connected row is an input the fetch writes, under the same file name.
        var specs = ConnectedSources.Inputs.ToDictionary(s => s.Id, s => s.File);
        Assert.All(connected, e => Assert.Equal(specs[e.Id], e.File));
        Assert.Equal(specs.Count, connected.Count);
    }
}
