using System.Net;
using System.Text;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data;

/// <summary>Mirror, cache and download resolution, against a small HTTP server on 127.0.0.1.</summary>
public sealed class DataStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("datastore-").FullName;
    private readonly HttpListener _server;
    private readonly string _baseUrl;
    private readonly Dictionary<string, byte[]> _served = new();
    private int _requests;

    private static readonly byte[] Content = Encoding.UTF8.GetBytes("gene\tvalue\nTYMS\t1\n");
    private static readonly string ContentSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Content));

    public DataStoreTests()
    {
        // Bind a free port: try a few in the ephemeral range.
        var rng = new Random(Environment.ProcessId);
        for (int attempt = 0; ; attempt++)
        {
            int port = 40000 + rng.Next(20000);
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try { listener.Start(); _server = listener; _baseUrl = $"http://127.0.0.1:{port}/"; break; }
            catch (HttpListenerException) when (attempt < 20) { listener.Close(); }
        }
        _ = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (_server.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _server.GetContextAsync(); } catch { return; }
            Interlocked.Increment(ref _requests);
            var path = ctx.Request.Url!.AbsolutePath.TrimStart('/');
            if (_served.TryGetValue(path, out var body))
            {
                ctx.Response.StatusCode = 200;
                await ctx.Response.OutputStream.WriteAsync(body);
            }
            else ctx.Response.StatusCode = 404;
            ctx.Response.Close();
        }
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Close();
        Directory.Delete(_root, recursive: true);
    }

    private ManifestEntry Entry(string id, string file, FetchMode fetch = FetchMode.Direct, string? sha = null) =>
        new(id, file, "input", "original", sha ?? ContentSha, Content.Length, fetch, _baseUrl + file, "test origin", "test", "test file", "same");

    private DataStore Store(IReadOnlyList<ManifestEntry> entries, string? mirror, bool online = true) =>
        new(entries, mirror, Path.Combine(_root, "cache"), online ? new HttpClient() : null);

    private string Mirror(string file, byte[] content)
    {
        var dir = Path.Combine(_root, "mirror");
        Directory.CreateDirectory(Path.Combine(dir, Path.GetDirectoryName(file)!));
        File.WriteAllBytes(Path.Combine(dir, file), content);
        return dir;
    }

    [Fact]
    public void Mirror_file_with_the_right_checksum_is_used_in_place()
    {
        var mirror = Mirror("sub/a.tsv", Content);
        var r = Store([Entry("a", "sub/a.tsv")], mirror).Resolve("a");
        Assert.Equal(InputSource.Mirror, r.Source);
        Assert.Equal(Path.Combine(mirror, "sub/a.tsv"), r.Path);
        Assert.Equal(0, _requests);
    }

    [Fact]
    public void Mirror_file_with_a_wrong_checksum_is_refused_naming_the_file()
    {
        var truncated = Content[..10];
        var mirror = Mirror("sub/a.tsv", truncated);
        var e = Assert.Throws<InputException>(() => Store([Entry("a", "sub/a.tsv")], mirror).Resolve("a"));
        Assert.Contains("sub/a.tsv", e.Message);
        Assert.Contains($"but data/manifest.tsv says {ContentSha}", e.Message);
        Assert.Contains("10 bytes instead of", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Download_lands_in_the_cache_after_its_checksum_is_verified()
    {
        _served["dl/a.tsv"] = Content;
        var store = Store([Entry("a", "dl/a.tsv")], mirror: null);
        var r = store.Resolve("a");
        Assert.Equal(InputSource.Download, r.Source);
        Assert.Equal(Content, File.ReadAllBytes(r.Path));
        // A second store finds it in the cache without asking the server again.
        int before = _requests;
        Assert.Equal(InputSource.Cache, Store([Entry("a", "dl/a.tsv")], null).Resolve("a").Source);
        Assert.Equal(before, _requests);
    }

    [Fact]
    public void Download_with_a_wrong_checksum_is_refused_and_leaves_nothing_in_the_cache()
    {
        _served["dl/b.tsv"] = Encoding.UTF8.GetBytes("something else\n");
        var e = Assert.Throws<InputException>(() => Store([Entry("b", "dl/b.tsv")], null).Resolve("b"));
        Assert.Contains("sha256 is", e.Message);
        Assert.False(File.Exists(Path.Combine(_root, "cache", "dl/b.tsv")));
        Assert.False(File.Exists(Path.Combine(_root, "cache", "dl/b.tsv.partial")));
    }

    [Fact]
    public void Http_error_is_reported_with_status_and_fix()
    {
        var e = Assert.Throws<DataUnavailableException>(() => Store([Entry("c", "dl/missing.tsv")], null).Resolve("c"));
        Assert.Contains("HTTP 404", e.Message);
        Assert.Contains("--data-mirror", e.Message);
    }

    [Fact]
    public void Offline_without_mirror_says_how_to_provide_the_file()
    {
        var store = Store([Entry("a", "dl/a.tsv")], null, online: false);
        Assert.False(store.IsAvailable("a"));
        var e = Assert.Throws<DataUnavailableException>(() => store.Resolve("a"));
        Assert.Contains("no mirror folder is set", e.Message);
    }

    [Fact]
    public void Mirror_only_files_are_never_downloaded()
    {
        _served["dl/x.tsv"] = Content;
        var e = Assert.Throws<DataUnavailableException>(() => Store([Entry("x", "dl/x.tsv", FetchMode.MirrorOnly)], null).Resolve("x"));
        Assert.Contains("only a mirror has it", e.Message);
        Assert.Equal(0, _requests);
    }

    [Fact]
    public void Inputs_the_project_lacks_are_unavailable_with_their_origin()
    {
        var entry = Entry("m", "(not available)", FetchMode.NotAvailable, sha: "");
        var store = Store([entry], null);
        Assert.False(store.IsAvailable("m"));
        Assert.Contains("not available to this project", Assert.Throws<DataUnavailableException>(() => store.Resolve("m")).Message);
    }

    [Fact]
    public void Manifest_rejects_duplicate_ids_and_bad_checksums()
    {
        var header = string.Join('\t', Manifest.Columns);
        string Row(string id, string sha) => string.Join('\t', id, "f.tsv", "input", "original", sha, "1", "direct", "http://x", "o", "l", "c", "p");
        var path = Path.Combine(_root, "manifest.tsv");
        File.WriteAllText(path, $"{header}\n{Row("a", ContentSha)}\n{Row("a", ContentSha)}\n");
        Assert.Equal(3, Assert.Throws<InputException>(() => Manifest.Read(path)).Line);
        File.WriteAllText(path, $"{header}\n{Row("a", "abc")}\n");
        Assert.Contains("not 64 hex digits", Assert.Throws<InputException>(() => Manifest.Read(path)).Message);
    }

    [Fact]
    public void The_project_manifest_parses_and_names_every_mirror_file_once()
    {
        var repo = OrganoidBiomarkers.Pipeline.RunContext.FindRepoRoot(AppContext.BaseDirectory)!;
        var entries = Manifest.Read(Path.Combine(repo, "data", "manifest.tsv"));
        var files = entries.Where(e => e.Fetch != FetchMode.NotAvailable).Select(e => e.File).ToList();
        Assert.Equal(files.Count, files.Distinct().Count());
        Assert.All(entries.Where(e => e.Fetch == FetchMode.Direct), e => Assert.StartsWith("https://", e.OriginUrl));
    }
}
