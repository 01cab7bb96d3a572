using System.Text.Json;

namespace OrganoidBiomarkers.Tests.Patients;

/// <summary>
/// Reads Golden/validation/validation_golden.json, written by make_golden.py beside it (numpy 1.24.2, scipy 1.10.1,
/// scikit-learn 1.2.1, networkx 2.8.8) from hand-made and seeded synthetic inputs.
/// </summary>
internal static class ValidationGolden
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(TestPaths.Golden("validation", "validation_golden.json"))));

    public static JsonElement Section(string name) => Doc.Value.RootElement.GetProperty(name);

    public static string[] Strings(this JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();

    public static double[] Doubles(this JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    /// <summary>
    /// Closed-form sums over a dozen values (Pearson r, standardisation, ridge on 9 x 5): only summation order and the
    /// factorisation differ from numpy/LAPACK, ~1e-15 x condition number; 1e-10 catches any formula slip.
    /// </summary>
    public const double ClosedForm = 1e-10;
}
