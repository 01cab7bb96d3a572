using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data;

public class GeneIdMappingTests
{
    // Entrez rows 1..5: 3 has no symbol; 1 and 4 both map to A.
    private static readonly ExpressionMatrix Counts = new(["1", "2", "3", "4", "5"], ["s1", "s2"],
        new double[,] { { 10, 20 }, { 1, 2 }, { 7, 7 }, { 30, 40 }, { 5, 6 } });
    private static readonly Dictionary<string, string> Map = new() { ["1"] = "A", ["2"] = "B", ["4"] = "A", ["5"] = "C", ["99"] = "Z" };

    [Fact]
    public void Maps_ids_drops_the_unmapped_and_merges_duplicates_by_the_policy_with_counts()
    {
        var log = new CountLog();
        var m = GeneIdMapping.ToSymbols(Counts, Map, DuplicatePolicy.Mean, "src", log);
        Assert.Equal(new[] { "A", "B", "C" }, m.Genes); // first-seen order
        Assert.Equal(new[] { 20.0, 30.0 }, m.Row(0));
        Assert.Equal(new[] { "s1", "s2" }, m.Samples);
        Assert.Equal(new[] { (5, 4), (4, 3) }, log.Entries.Select(e => (e.Before, e.After)));
        Assert.Contains("1 ID(s) without a symbol", log.Entries[0].Rule);
        Assert.Contains("(A)", log.Entries[1].Rule);
    }

    [Fact]
    public void Other_duplicate_policies()
    {
        Assert.Equal(new[] { "B", "C" }, GeneIdMapping.ToSymbols(Counts, Map, DuplicatePolicy.Drop, "src", CountLog.Silent).Genes);
        Assert.Equal(new[] { 10.0, 20.0 }, GeneIdMapping.ToSymbols(Counts, Map, DuplicatePolicy.First, "src", CountLog.Silent).Row(0));
        Assert.Contains("'A'", Assert.Throws<ArgumentException>(() => GeneIdMapping.ToSymbols(Counts, Map, DuplicatePolicy.Fail, "src", CountLog.Silent)).Message);
    }

    [Fact]
    public void No_mapped_gene_is_an_error_naming_examples()
    {
        var e = Assert.Throws<ArgumentException>(() => GeneIdMapping.ToSymbols(Counts, new Dictionary<string, string> { ["TP53"] = "TP53" }, DuplicatePolicy.Mean, "src", CountLog.Silent));
        Assert.Contains("identifier type", e.Message);
    }
}
