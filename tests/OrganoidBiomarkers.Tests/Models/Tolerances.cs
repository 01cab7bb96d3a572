namespace OrganoidBiomarkers.Tests.Models;

/// <summary>The few tolerances of the model tests, each with its reason (relative to max(1, |expected|)).</summary>
internal static class Tolerances
{
    /// <summary>
    /// Closed-form estimators (StandardScaler, Ridge, LinearRegression, RidgeCV fold scores) on well-conditioned small
    /// data: only floating-point summation order and factorisation (LAPACK vs Math.NET managed) differ, ~1e-15 x
    /// condition number. 1e-10 leaves room for condition numbers up to ~1e4 and still catches any formula slip.
    /// </summary>
    public const double ClosedForm = 1e-10;

    /// <summary>
    /// libsvm SMO, same working-set selection, shrinking and single-precision kernel columns: the iterates are those of
    /// libsvm up to rounding (a handful of ulps per step), so the result agrees far below libsvm's own stopping
    /// tolerance (1e-3). 1e-9 is what is asserted; a generic SMO with a different WSS would only reach ~1e-3.
    /// </summary>
    public const double LibSvmIterates = 1e-9;

    /// <summary>libsvm's verbose log prints obj and rho with %f: 6 decimals, so half a unit of the last digit.</summary>
    public const double LibSvmPrinted = 5e-7;

    /// <summary>Agreement expected of any correct epsilon-SVR solver stopped at tol 1e-3 (libsvm's KKT gap).</summary>
    public const double LibSvmStoppingRule = 1e-3;
}
