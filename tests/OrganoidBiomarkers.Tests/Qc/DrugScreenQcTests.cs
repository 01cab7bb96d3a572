using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Qc;
using Xunit;

namespace OrganoidBiomarkers.Tests.Qc;

public class ReplicateAgreementTests
{
    private static DrugScreenMeasurement M(string organoid, string drug, double lnIc50, int replicate, double max = 10) =>
        new(organoid, drug == "A" ? "1" : "2", drug, max, lnIc50, 1.0, 0.5, replicate);

    // Drug A: P1..P4 have replicates 1 and 2 with rep 2 = 2 x rep 1 (x = 1..4); P2 also has a third replicate (ignored);
    // P5 has a single replicate (no pair). Drug B: two organoids only.
    private static DrugScreen Fixture() => new([
        M("P1", "A", 1, 1), M("P1", "A", 2, 2),
        M("P2", "A", 2, 1), M("P2", "A", 4, 2), M("P2", "A", -9, 3),
        M("P3", "A", 3, 1), M("P3", "A", 6, 2),
        M("P4", "A", 4, 1), M("P4", "A", 8, 2),
        M("P5", "A", 7, 1),
        M("P1", "B", 1, 1), M("P1", "B", 1.5, 2),
        M("P2", "B", 2, 1), M("P2", "B", 2.5, 2),
    ]);

    [Fact]
    public void Pairs_replicate_one_with_two_per_organoid()
    {
        var pairs = ReplicateAgreement.Pairs(Fixture().ForDrug("A"));
        Assert.Equal(["P1", "P2", "P3", "P4"], pairs.Select(p => p.Organoid));
        Assert.Equal([1.0, 2, 3, 4], pairs.Select(p => p.First));
        Assert.Equal([2.0, 4, 6, 8], pairs.Select(p => p.Second));
    }

    // Same numbers as AgreementTests.Scale_lowers_concordance: r = 1, CCC = 0.4; mean(rep2 - rep1) = (1+2+3+4)/4 = 2.5.
    [Fact]
    public void Agreement_of_a_drug_by_hand()
    {
        var a = ReplicateAgreement.ForDrug(Fixture(), "A");
        Assert.Equal(("A", 5, 4), (a.Drug, a.Organoids, a.Pairs));
        Assert.Equal(1.0, a.Pearson, 12);
        Assert.Equal(0.4, a.Concordance, 12);
        Assert.Equal(2.5, a.MeanDifference, 12);
    }

    [Fact]
    public void Too_few_pairs_give_NaN()
    {
        var b = ReplicateAgreement.ForDrug(Fixture(), "B");
        Assert.Equal(2, b.Pairs);
        Assert.True(double.IsNaN(b.Pearson) && double.IsNaN(b.Concordance));
        Assert.Equal(0.5, b.MeanDifference, 12);
    }

    [Fact]
    public void Every_drug_in_name_order_and_unknown_drug_rejected()
    {
        Assert.Equal(["A", "B"], ReplicateAgreement.ForAllDrugs(Fixture()).Select(a => a.Drug));
        Assert.Throws<ArgumentException>(() => ReplicateAgreement.ForDrug(Fixture(), "C"));
    }
}

public class OutOfRangeTests
{
    // Max 10 uM, 256-fold range: ln(10) = 2.302585..., ln(10/256) = -3.242592...
    [Theory]
    [InlineData(2.31, RangePosition.Above)]
    [InlineData(2.30, RangePosition.Within)]
    [InlineData(0.0, RangePosition.Within)]
    [InlineData(-3.24, RangePosition.Within)]
    [InlineData(-3.25, RangePosition.Below)]
    public void Classifies_against_the_tested_range(double lnIc50, RangePosition expected) =>
        Assert.Equal(expected, new TestedRange(10, 256).Classify(lnIc50));

    [Fact]
    public void Range_edges_are_within()
    {
        var range = new TestedRange(10, 256);
        Assert.Equal(RangePosition.Within, range.Classify(range.LnMax));
        Assert.Equal(RangePosition.Within, range.Classify(range.LnMin));
        Assert.Equal(Math.Log(10.0 / 256.0), range.LnMin, 14);
    }

    // P1: 2.31 above, 2.30 within -> median 2.305 above. P2: -3.25 below, -4 below, 0 within -> median -3.25 below.
    // P3: 1 within. Replicates: 6, below 2, above 1; organoids 3, medians below 1, above 1.
    [Fact]
    public void Counts_replicates_and_medians()
    {
        DrugScreenMeasurement M(string o, double v, int rep) => new(o, "7", "X", 10, v, 1, 0.5, rep);
        var screen = new DrugScreen([M("P1", 2.31, 1), M("P1", 2.30, 2), M("P2", -3.25, 1), M("P2", -4, 2), M("P2", 0, 3), M("P3", 1, 1)]);
        var c = OutOfRange.ForDrug(screen, "X", 256);
        Assert.Equal(new DrugRangeCounts("X", 10, 6, 2, 1, 3, 1, 1), c);
    }

    [Fact]
    public void Rejects_bad_ranges()
    {
        Assert.Throws<ArgumentException>(() => new TestedRange(0, 256));
        Assert.Throws<ArgumentException>(() => new TestedRange(10, 0.5));
        Assert.Throws<ArgumentException>(() => new TestedRange(10, 256).Classify(double.NaN));
        var twoMaxima = new DrugScreen([new("P1", "7", "X", 10, 1, 1, 0.5, 1), new("P2", "7", "X", 20, 1, 1, 0.5, 1)]);
        Assert.Throws<ArgumentException>(() => OutOfRange.ForDrug(twoMaxima, "X", 256));
    }
}
