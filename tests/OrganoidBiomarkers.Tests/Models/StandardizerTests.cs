using OrganoidBiomarkers.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

public class StandardizerTests
{
    // Golden: StandardScaler().fit(x) in make_golden.py ("standardizer"); column 4 constant 0.1 -> scale 1.
    [Fact]
    public void Matches_StandardScaler_population_sd_and_constant_feature_rule()
    {
        var g = ModelsGolden.Root.GetProperty("standardizer");
        var s = Standardizer.Fit(g.Mat("x"));
        Close.Equal(g.Vec("mean"), s.Means, Tolerances.ClosedForm, "mean");
        Close.Equal(g.Vec("scale"), s.Scales, Tolerances.ClosedForm, "scale");
        Assert.Equal(1.0, s.Scales[3]);
        Close.Equal(g.Mat("z"), s.Transform(g.Mat("x")), Tolerances.ClosedForm, "z");
        Close.Equal(g.Mat("znew"), s.Transform(g.Mat("xnew")), Tolerances.ClosedForm, "z of new data");
    }

    [Fact]
    public void Population_not_sample_sd()
    {
        // x = 1, 2, 3, 4: mean 2.5, population variance 1.25 (the sample variance would be 5/3).
        var s = Standardizer.Fit(new double[,] { { 1 }, { 2 }, { 3 }, { 4 } });
        Assert.Equal(2.5, s.Means[0]);
        Assert.Equal(Math.Sqrt(1.25), s.Scales[0], 15);
    }

    [Fact]
    public void Rejects_NaN_and_wrong_width()
    {
        Assert.Throws<ArgumentException>(() => Standardizer.Fit(new double[,] { { 1, double.NaN }, { 2, 3 } }));
        var s = Standardizer.Fit(new double[,] { { 1, 2 }, { 2, 3 } });
        Assert.Throws<ArgumentException>(() => s.Transform(new double[,] { { 1, 2, 3 } }));
        Assert.Throws<ArgumentException>(() => s.Transform(new double[,] { { 1, double.PositiveInfinity } }));
    }
}
