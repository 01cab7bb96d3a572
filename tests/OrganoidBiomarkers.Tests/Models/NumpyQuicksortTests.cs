using System.Globalization;
using OrganoidBiomarkers.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

public class NumpyQuicksortTests
{
    public static TheoryData<string> Inputs() => new(GoldenRows().Select(r => r.Name));

    private static IEnumerable<(string Name, double[] Values, int[] Order)> GoldenRows() =>
        // Golden/ssgsea/numpy_argsort_quicksort.py: numpy 1.24.2 np.argsort(values, kind='quicksort')
        File.ReadLines(TestPaths.Golden("ssgsea", "numpy_argsort_quicksort.tsv")).Skip(1).Select(line =>
        {
            var f = line.Split('\t');
            return (f[0], f[2].Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray(),
                    f[3].Split(',').Select(int.Parse).ToArray());
        });

    // Exact equality: the order of tied values is the point, and it is a pure function of the comparisons.
    // 'mcilroy_killer_600' drives introsort into its heapsort fallback (checked by the golden script).
    [Theory]
    [MemberData(nameof(Inputs))]
    public void Argsort_reproduces_numpys_quicksort_order_including_ties(string name)
    {
        var row = GoldenRows().Single(r => r.Name == name);
        Assert.Equal(row.Order, NumpyQuicksort.Argsort(row.Values));
    }
}
