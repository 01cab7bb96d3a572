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
    public static string File(string relative) =>
        Path.Combine(Root ?? throw new InvalidOperationException("no data mirror"), relative);
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
