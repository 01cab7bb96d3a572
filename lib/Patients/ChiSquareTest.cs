using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace OrganoidBiomarkers.Patients;

/// <summary>A chi-square test: statistic, degrees of freedom and upper-tail p-value (R <c>pchisq(x, df, lower.tail = FALSE)</c>).</summary>
/// <param name="Statistic">The chi-square statistic, &gt;= 0 (NaN passes through).</param>
/// <param name="DegreesOfFreedom">Degrees of freedom, &gt;= 1.</param>
/// <param name="PValue">P(X &gt;= statistic) in [0, 1]; NaN when the statistic is NaN.</param>
public sealed record ChiSquareTest(double Statistic, int DegreesOfFreedom, double PValue)
{
    /// <summary>The test of <paramref name="statistic"/> against a chi-square with <paramref name="degreesOfFreedom"/> df.</summary>
    /// <param name="statistic">The chi-square statistic, &gt;= 0.</param>
    /// <param name="degreesOfFreedom">Degrees of freedom, &gt;= 1.</param>
    /// <exception cref="ArgumentException"><paramref name="degreesOfFreedom"/> &lt; 1.</exception>
    public static ChiSquareTest Of(double statistic, int degreesOfFreedom) =>
        new(statistic, degreesOfFreedom, UpperTail(statistic, degreesOfFreedom));

    /// <summary>
    /// P(X &gt;= x) for X ~ chi-square(df). This is 1 - <see cref="ChiSquared.CDF(double, double)"/> of Math.NET, taken as
    /// the regularized upper incomplete gamma Q(df/2, x/2) directly so that small p-values keep their relative
    /// precision (1 - CDF cancels to 0 below ~1e-16). NaN in, NaN out.
    /// </summary>
    /// <param name="x">The statistic.</param>
    /// <param name="degreesOfFreedom">Degrees of freedom, &gt;= 1.</param>
    /// <returns>The upper-tail p in [0, 1].</returns>
    /// <exception cref="ArgumentException"><paramref name="degreesOfFreedom"/> &lt; 1.</exception>
    public static double UpperTail(double x, int degreesOfFreedom)
    {
        if (degreesOfFreedom < 1) throw new ArgumentException($"degrees of freedom must be >= 1, got {degreesOfFreedom}.", nameof(degreesOfFreedom));
        if (double.IsNaN(x)) return double.NaN;
        if (x <= 0) return 1;
        if (double.IsPositiveInfinity(x)) return 0;
        return SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, x / 2.0);
    }
}
