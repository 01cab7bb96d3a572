using System.Text;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data;

/// <summary>A stale file in the cache that shadows an intact mirror: the message names the cached copy and says it can be deleted.</summary>
public sealed class StaleCacheTests : IDisposable
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("gene\tvalue\nTYMS\t1\n");
    private readonly string _root = Directory.CreateTempSubdirectory("stalecache-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_stale_cached_copy_is_named_and_the_fix_is_to_delete_it()
    {
        string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Content));
        var entry = new ManifestEntry("a", "sub/a.tsv", "input", "original", sha, Content.Length, FetchMode.Direct,
            "http://127.0.0.1:9/sub/a.tsv", "test origin", "test", "test file", "same");
        string mirror = Path.Combine(_root, "mirror"), cache = Path.Combine(_root, "cache");
        Directory.CreateDirectory(Path.Combine(mirror, "sub"));
        Directory.CreateDirectory(Path.Combine(cache, "sub"));
        File.WriteAllBytes(Path.Combine(mirror, "sub", "a.tsv"), Content);
        File.WriteAllBytes(Path.Combine(cache, "sub", "a.tsv"), Content[..10]);
        var e = Assert.Throws<InputException>(() => new DataStore([entry], mirror, cache, http: null).Resolve("a"));
        Assert.StartsWith(Path.Combine(cache, "sub", "a.tsv"), e.Message);
        Assert.Contains($"shadows the intact mirror copy {Path.Combine(mirror, "sub", "a.tsv")}", e.Message);
        Assert.Contains("Fix: delete the cached copy", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
