using System.Text.Json;

namespace OrganoidBiomarkers.Tests.Qc;

/// <summary>
/// Reads Golden/qc/qc_golden.json, written by make_golden.py beside it (numpy 1.24.2, scipy 1.10.1, scikit-learn 1.2.1,
/// matplotlib 3.6.3). Element accessors (Vec, Num, Mat) are the shared ones of ModelsGolden.
/// </summary>
internal static class QcGolden
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(TestPaths.Golden("qc", "qc_golden.json"))));

    public static IEnumerable<JsonElement> Cases(string section) => Doc.Value.RootElement.GetProperty(section).EnumerateArray();

    public static JsonElement Case(string section, string name) =>
        Cases(section).Single(c => c.GetProperty("case").GetString() == name);

    public static IEnumerable<object[]> Names(string section) =>
        Cases(section).Select(c => new object[] { c.GetProperty("case").GetString()! });
}

/// <summary>The QC tests' tolerances (relative to max(1, |expected|)), each with its reason.</summary>
internal static class QcTolerances
{
    /// <summary>
    /// Sums of a few dozen well-scaled terms (means, moments, correlations, interpolated quantiles): only summation order
    /// differs from numpy, a few ulps. 1e-12 catches any formula slip (a 1/n vs 1/(n-1) moment changes the 2nd digit).
    /// </summary>
    public const double ClosedForm = 1e-12;

    /// <summary>
    /// PCA scores from the eigenvectors of the Gram matrix X X^T against LAPACK's SVD of X: an eigenvector's error is about
    /// eps x lambda_max / (eigenvalue gap), here ~1e-13 for the test data's gaps; 1e-9 keeps a margin and still catches a
    /// wrong centring, scaling or sign (errors of order 1).
    /// </summary>
    public const double Eigen = 1e-9;
}
