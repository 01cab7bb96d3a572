namespace OrganoidBiomarkers.Tests;

/// <summary>Where the copied fixtures and golden files sit next to the test assembly.</summary>
internal static class TestPaths
{
    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);
    public static string Golden(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Golden", .. parts]);
}
