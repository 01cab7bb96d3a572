using System.Globalization;
using OrganoidBiomarkers.Common;
using Xunit;

namespace OrganoidBiomarkers.Tests.Common;

/// <summary>
/// Benjamini-Hochberg against R 4.2 <c>p.adjust(p, method = "BH")</c> (Golden/multiple_testing/make_golden.R): the same
/// arithmetic, so bit for bit, NA (our NaN) included.
/// </summary>
public class MultipleTestingTests
{
    private static double Num(string cell) => cell == "NA" ? double.NaN : double.Parse(cell, CultureInfo.InvariantCulture);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Golden().Select(r => r.Case).Distinct()) data.Add(c);
        return data;
    }

    private static IReadOnlyList<(string Case, int Index, double P, double Q)> Golden() =>
        File.ReadAllLines(TestPaths.Golden("multiple_testing", "bh.tsv")).Skip(1).Select(l => l.Split('\t'))
            .Select(c => (c[0], int.Parse(c[1], CultureInfo.InvariantCulture), Num(c[2]), Num(c[3]))).ToList();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Benjamini_Hochberg_equals_R_p_adjust_bit_for_bit(string name)
    {
        // R: p.adjust(p, method = "BH")
        var rows = Golden().Where(r => r.Case == name).OrderBy(r => r.Index).ToList();
        var q = MultipleTesting.BenjaminiHochberg(rows.Select(r => r.P).ToArray());
        for (int i = 0; i < rows.Count; i++)
            Assert.True(rows[i].Q.Equals(q[i]), $"{name}[{i}]: p {rows[i].P:R}, R's q {rows[i].Q:R}, ours {q[i]:R}");
    }

    [Fact]
    public void By_hand_and_at_the_edges()
    {
        // p = (0.01, 0.04, 0.03, 0.005), m = 4. Increasing: 0.005 (x4/1 = 0.02), 0.01 (x4/2 = 0.02), 0.03 (x4/3 = 0.04), 0.04 (x4/4 = 0.04).
        var q = MultipleTesting.BenjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
        Assert.Equal([0.02, 0.04, 0.04, 0.02], q.Select(x => Math.Round(x, 15)));
        Assert.Empty(MultipleTesting.BenjaminiHochberg([]));
        var withNaN = MultipleTesting.BenjaminiHochberg([double.NaN, 0.2]);
        Assert.True(double.IsNaN(withNaN[0]));
        Assert.Equal(0.2, withNaN[1]); // m = 1: the NaN does not count
        Assert.Throws<ArgumentException>(() => MultipleTesting.BenjaminiHochberg([0.1, 1.5]));
        Assert.Throws<ArgumentException>(() => MultipleTesting.BenjaminiHochberg([double.PositiveInfinity]));
    }
}
