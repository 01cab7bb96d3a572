using Xunit;

namespace OrganoidBiomarkers.Tests;

/// <summary>
/// The read-only data mirror: env DATA_MIRROR, else a sibling "shared/data" folder found by walking up from the test
/// directory. Tests that need it use <see cref="MirrorFactAttribute"/> and are skipped when it is absent.
/// </summary>
internal static class DataMirror
{
    public static string? Root { get; } = Find();

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("DATA_MIRROR");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? Path.GetFullPath(env) : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }

    /// <summary>A file of the mirror (the caller runs only when <see cref="Root"/> is set).</summary>
    public static string File(params string[] parts) =>
        Path.Combine([Root ?? throw new InvalidOperationException("no data mirror"), .. parts]);

    /// <summary>The repository root (folder holding OrganoidBiomarkers.sln), for the git-ignored data/cache.</summary>
    public static string? RepoRoot() => OrganoidBiomarkers.Pipeline.RunContext.FindRepoRoot(AppContext.BaseDirectory);
}

/// <summary>A fact that needs the data mirror: skipped, with the reason, when the mirror is not found.</summary>
public sealed class MirrorFactAttribute : FactAttribute
{
    public MirrorFactAttribute()
    {
        if (DataMirror.Root is null)
            Skip = "data mirror not found: set DATA_MIRROR or place shared/data beside the clone";
    }
}

/// <summary>
/// A fact that needs the mirror AND scikit-learn's fits of it, written by Golden/models/authors_5fu_sklearn.py into the
/// git-ignored data/cache/models (derived from mirror data, so never committed).
/// </summary>
public sealed class SklearnOnMirrorFactAttribute : FactAttribute
{
    public static string? CachePath =>
        DataMirror.RepoRoot() is { } root ? Path.Combine(root, "data", "cache", "models", "authors_5fu_sklearn.json") : null;

    public SklearnOnMirrorFactAttribute()
    {
        if (DataMirror.Root is null) Skip = "data mirror not found: set DATA_MIRROR or place it at ../shared/data";
        else if (CachePath is null || !System.IO.File.Exists(CachePath))
            Skip = "run /usr/bin/python3 tests/OrganoidBiomarkers.Tests/Golden/models/authors_5fu_sklearn.py first (writes data/cache/models/authors_5fu_sklearn.json)";
    }
}
