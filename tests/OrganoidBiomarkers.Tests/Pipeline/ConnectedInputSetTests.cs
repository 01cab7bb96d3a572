using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Data.Remote;
using OrganoidBiomarkers.Pipeline;
using Xunit;

namespace OrganoidBiomarkers.Tests.Pipeline;

/// <summary>
/// Which study a run uses: the fixture world's config with a connected folder holding one fetched input (STRING v10.5)
/// adds its selection; --param inputs=mirror ignores the connected folder; each stage's count log says what was left out.
/// </summary>
public sealed class ConnectedInputSetTests : IDisposable
{
    private readonly string _config = Directory.CreateTempSubdirectory("connected-input-set-").FullName;

    public ConnectedInputSetTests()
    {
        foreach (var file in Directory.GetFiles(TestPaths.Fixture("world", "config"))) File.Copy(file, Path.Combine(_config, Path.GetFileName(file)));
        // A fetched STRING v10.5 edge list, recorded as scripts/fetch-inputs records it.
        var folder = ConnectedFolder.For(_config);
        var edges = folder.Input("inputs/string_v10_5_edges.tsv");
        Directory.CreateDirectory(Path.GetDirectoryName(edges)!);
        File.WriteAllText(edges, "gene_a\tgene_b\tweight\nTYMS\tTP53\t900\n");
        var record = ConnectedRecord.Read(folder.RecordPath);
        record.Upsert(new ConnectedInput("string_v10_5", "inputs/string_v10_5_edges.tsv", DataStore.Sha256Of(edges), new FileInfo(edges).Length,
            "string/links@" + new string('0', 64), "v1: test", "https://stringdb-static.org/...", "primary", "original", "2026-12-05"));
    }

    public void Dispose() => Directory.Delete(_config, recursive: true);

    private RunContext Run(params (string Key, string Value)[] parameters) =>
        new(DataMirror.RepoRoot() ?? "/", Path.Combine(_config, "out"), TestPaths.Fixture("world", "mirror"),
            parameters.ToDictionary(p => p.Key, p => p.Value), _config);

    [Fact]
    public void A_fetched_input_adds_its_study_entry_and_inputs_mirror_leaves_it_out()
    {
        var auto = Run();
        Assert.Contains("string105", auto.Study.Selections.Select(s => s.Id));
        Assert.Equal("string105", auto.Study.FirstNeighbourNetworks[0]);
        // The other connected inputs are not fetched: their entries are left out, and the cisplatin arm keeps its CRC set.
        Assert.DoesNotContain("blca", auto.Study.OrganoidCollections.Select(c => c.Id));
        Assert.Equal(["crc"], auto.Study.Arm("cisplatin").Training.Select(t => t.Organoids));

        var mirror = Run(("inputs", "mirror"));
        Assert.DoesNotContain("string105", mirror.Study.Selections.Select(s => s.Id));
        Assert.Equal(["string"], mirror.Study.FirstNeighbourNetworks);
        Assert.Contains(mirror.UsableStudy.Skipped, s => s.Id == "string105");
    }

    [Fact]
    public void Opening_the_data_records_the_input_set_as_a_counted_step()
    {
        var log = new CountLog();
        var data = DataAccess.Open(Run(("offline", "true")), log);
        var entry = Assert.Single(log.Entries, e => e.Step == "study: entries usable with this run's inputs");
        Assert.True(entry.After < entry.Before);
        Assert.DoesNotContain("selection string105", entry.Rule);
        Assert.Contains("expression source tcga_blca (tcga_blca_fpkm_uq not available)", entry.Rule);
        Assert.True(data.IsAvailable("string_v10_5"));
        Assert.Equal(InputSource.Connected, data.Resolve("string_v10_5").Source);
    }
}
