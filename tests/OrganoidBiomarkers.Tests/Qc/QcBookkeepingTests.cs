using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using OrganoidBiomarkers.Qc;
using Xunit;

namespace OrganoidBiomarkers.Tests.Qc;

public class SamePatientPairsTests
{
    [Theory]
    [InlineData("P19A", "P19")]
    [InlineData("P24b", "P24")]
    [InlineData("P10", null)]
    [InlineData("P19AB", null)]
    [InlineData("X19A", null)]
    public void Patient_from_the_line_letter(string organoid, string? patient) => Assert.Equal(patient, SamePatientPairs.PatientOf(organoid));

    [Fact]
    public void Finds_pairs_by_patient()
    {
        var pairs = SamePatientPairs.Find(["P24B", "P10", "P19B", "P19A", "P24A", "P5"]);
        Assert.Equal([("P19", "P19A", "P19B"), ("P24", "P24A", "P24B")], pairs);
    }

    // r: (A1,A2) = 0.95 is the highest of 6 pairs -> rank 1, 0 of 5 others >= 0.95. (B1,B2) = 0.5: others >= 0.5 are
    // 0.95, 0.7, 0.5 (a tie counts as at least as high) -> 3 of 5, rank 4.
    [Fact]
    public void Compares_a_pair_with_all_other_pairs()
    {
        var r = new double[,]
        {
            { 1, 0.95, 0.70, 0.10 },
            { 0.95, 1, 0.20, 0.50 },
            { 0.70, 0.20, 1, 0.50 },
            { 0.10, 0.50, 0.50, 1 },
        };
        var c = new SampleCorrelations(["P1A", "P1B", "P2A", "P2B"], r);
        var cmp = SamePatientPairs.Compare(c);
        Assert.Equal(new SamePatientPair("P1", "P1A", "P1B", 0.95, 1, 0, 5), cmp[0]);
        Assert.Equal(new SamePatientPair("P2", "P2A", "P2B", 0.50, 4, 3, 5), cmp[1]);
        Assert.Equal(0.6, cmp[1].FractionOfOthersAtLeastAsHigh, 14);
    }
}

public class OrganoidOrderTests
{
    [Fact]
    public void Numbers_sort_numerically_then_line_letters()
    {
        string[] ids = ["P10", "P5", "P19B", "P19A", "P9", "X", "P100"];
        Assert.Equal(["P5", "P9", "P10", "P19A", "P19B", "P100", "X"], ids.Order(OrganoidOrder.Natural));
    }
}

public class OrganoidVerdictsTests
{
    // Fixture: expression for P1, P2A, P2B, P3, P4 (P4 flagged as outlier); screen: drug F for P2A, P2B, P3, P5 and drug C
    // for P2A, P2B, P5 (P3 not screened with C). P1 and P4 are expression-only, P5 screen-only. Max 10 uM, 256-fold range.
    private static IReadOnlyList<OrganoidVerdict> Build()
    {
        string[] samples = ["P1", "P2A", "P2B", "P3", "P4"];
        var values = new double[3, 5];
        for (int g = 0; g < 3; g++)
            for (int s = 0; s < 5; s++) values[g, s] = g * (s + 1) + (s == 4 ? 3 * (g % 2) : 0);
        var expression = new ExpressionMatrix(["g1", "g2", "g3"], samples, values);
        var correlations = SampleCorrelations.Pearson(expression);
        var fence = new TukeyFence(0.9, 1.0, 1.5, [false, false, false, false, true]);
        DrugScreenMeasurement M(string o, string drug, double v, int rep) => new(o, drug == "F" ? "1" : "2", drug, 10, v, 1, 0.5, rep);
        var screen = new DrugScreen([
            M("P2A", "F", 1, 1), M("P2A", "F", 2, 2), M("P2B", "F", 3, 1), M("P3", "F", 5, 1), M("P5", "F", 0, 1),
            M("P2A", "C", -5, 1), M("P2B", "C", 0, 1), M("P5", "C", 0, 1),
        ]);
        return OrganoidVerdicts.Build(expression, correlations, fence, screen, ["F", "C"], 256);
    }

    [Fact]
    public void One_row_per_organoid_with_expression_or_screen()
    {
        var v = Build();
        Assert.Equal(["P1", "P2A", "P2B", "P3", "P4", "P5"], v.Select(x => x.Organoid));
        Assert.Equal([3, 3, 3, 3, 3, 0], v.Select(x => x.Genes));
        Assert.Equal([0, 2, 2, 1, 0, 2], v.Select(x => x.Drugs));
        Assert.Equal([null, "P2B", "P2A", null, null, null], v.Select(x => x.SamePatientAs));
        Assert.True(double.IsNaN(v[5].MedianCorrelation));
        Assert.Equal([false, false, false, false, true, false], v.Select(x => x.Outlier));
    }

    [Fact]
    public void Training_membership_follows_the_papers_rule()
    {
        var v = Build().ToDictionary(x => x.Organoid);
        Assert.Equal([false, true, true, true, false, false], new[] { "P1", "P2A", "P2B", "P3", "P4", "P5" }.Select(o => v[o].For("F").Included));
        Assert.Equal([false, true, true, false, false, false], new[] { "P1", "P2A", "P2B", "P3", "P4", "P5" }.Select(o => v[o].For("C").Included));
        // P2A's F median of replicates 1 and 2 is 1.5 (within 10 uM: ln 10 = 2.30); P3's F median 5 is above the range.
        Assert.Equal((1.5, 2, RangePosition.Within), (v["P2A"].For("F").MedianLnIc50!.Value, v["P2A"].For("F").Replicates, v["P2A"].For("F").MedianPosition!.Value));
        Assert.Equal(RangePosition.Above, v["P3"].For("F").MedianPosition);
        Assert.Equal(RangePosition.Below, v["P2A"].For("C").MedianPosition); // -5 < ln(10/256) = -3.24
        Assert.Null(v["P3"].For("C").MedianLnIc50);
    }

    [Fact]
    public void Reasons_say_why()
    {
        var v = Build().ToDictionary(x => x.Organoid);
        Assert.Contains("not in the drug screen", v["P1"].Reason);
        Assert.Contains("in the F and C training sets", v["P2A"].Reason);
        Assert.Contains("in the F training set", v["P3"].Reason);
        Assert.Contains("not screened with C", v["P3"].Reason);
        Assert.Contains("outlier flagged, kept", v["P4"].Reason);
        Assert.Contains("no expression profile", v["P5"].Reason);
    }

    [Fact]
    public void Rejects_flags_of_another_matrix()
    {
        var m = new ExpressionMatrix(["g1", "g2"], ["a", "b"], new double[,] { { 1, 2 }, { 3, 5 } });
        var c = SampleCorrelations.Pearson(m);
        var screen = new DrugScreen([new("a", "1", "F", 10, 1, 1, 0.5, 1)]);
        Assert.Throws<ArgumentException>(() => OrganoidVerdicts.Build(m, c, new TukeyFence(0, 1, 1.5, [false]), screen, ["F"], 256));
    }
}
