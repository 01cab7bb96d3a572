using OrganoidBiomarkers.Models;
using Xunit;

namespace OrganoidBiomarkers.Tests.Models;

public class ResponseScaleTests
{
    [Fact]
    public void Takes_the_mean_and_population_sd_of_the_reference_and_keeps_the_order()
    {
        // values mean 2, sd 1; reference mean 12, sd 2: 2 -> 12 + (v - 2) * 2.
        Assert.Equal(new[] { 14.0, 10.0 }, ResponseScale.MatchTo(new[] { 3.0, 1.0 }, new[] { 10.0, 14.0 }));
        // By hand: values mean 1.5, sd sqrt(1.25); reference (5, 5, 5, 9) mean 6, sd sqrt(3).
        var r = ResponseScale.MatchTo(new[] { 0.0, 1.0, 2.0, 3.0 }, new[] { 5.0, 5.0, 5.0, 9.0 });
        var expected = new[] { 0.0, 1.0, 2.0, 3.0 }.Select(v => 6 + (v - 1.5) / Math.Sqrt(1.25) * Math.Sqrt(3)).ToArray();
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], r[i], 1e-14);
        Assert.Equal(6.0, r.Average(), 1e-14);
    }

    [Fact]
    public void Refuses_what_cannot_be_rescaled()
    {
        Assert.Throws<ArgumentException>(() => ResponseScale.MatchTo(new[] { 1.0, 1.0 }, new[] { 1.0, 2.0 }));
        Assert.Throws<ArgumentException>(() => ResponseScale.MatchTo(new[] { 1.0, 2.0 }, new[] { 3.0, 3.0 }));
        Assert.Throws<ArgumentException>(() => ResponseScale.MatchTo(new[] { 1.0, 2.0 }, new[] { 1.0, 2.0, 3.0 }));
        Assert.Throws<ArgumentException>(() => ResponseScale.MatchTo(new[] { 1.0, double.NaN }, new[] { 1.0, 2.0 }));
        Assert.Throws<ArgumentException>(() => ResponseScale.MatchTo(new[] { 1.0 }, new[] { 1.0 }));
    }

    [Fact]
    public void Ridge_coefficients_follow_an_affine_change_of_the_response()
    {
        // The reason only the SVR needs the rescaling: ridge's coefficients scale with the response, its ranking does not move.
        var x = new double[,] { { 1, 0.5 }, { -1, 2 }, { 0.3, -1 }, { -0.3, -1.5 } };
        var y = new[] { 1.0, -2.0, 0.5, 0.7 };
        var a = new Ridge(0.7).Fit(x, y).Coefficients;
        var b = new Ridge(0.7).Fit(x, y.Select(v => 3 * v + 5).ToArray()).Coefficients;
        for (int j = 0; j < 2; j++) Assert.Equal(3 * a[j], b[j], 1e-12);
    }
}
