using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using OrganoidBiomarkers.Data.Remote;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data.Remote;

/// <summary>The transfer mechanics against a loopback server: resume, retry, stall timeout, permanent answers, progress.</summary>
public sealed class DownloaderTests : IDisposable
{
    private readonly LoopbackOrigin _origin = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("downloader-").FullName;
    private readonly List<string> _log = [];

    private static readonly byte[] Payload = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7 % 251)).ToArray();
    private const string Url = "https://stringdb-static.org/download/x.bin";

    public void Dispose()
    {
        _origin.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private Downloader Make(FetchSettings? settings = null, HttpMessageHandler? handler = null) =>
        new(settings ?? new FetchSettings { Backoff = TimeSpan.Zero, StallTimeout = TimeSpan.FromSeconds(5), Retries = 3 }, _log.Add, handler);

    private HttpRequestSpec Request() => HttpRequestSpec.Get(_origin.Overrides("stringdb-static.org").Apply(new Uri(Url)));

    [Fact]
    public async Task A_truncated_transfer_is_resumed_with_a_range_request()
    {
        _origin.Serve(Url, new Route { Body = Payload, Misbehaviour = Misbehaviour.Truncate, CutAt = 70_000, Times = 1 });
        using var d = Make();
        var partial = Path.Combine(_dir, "x.bin.partial");
        var r = await d.DownloadAsync(Request(), partial, "x.bin");
        Assert.Equal(Payload, File.ReadAllBytes(partial));
        Assert.Equal(2, r.Attempts);
        Assert.Equal(1, r.Resumes);
        var ranges = _origin.Requests.Select(q => q.Range).ToList();
        Assert.Null(ranges[0]);
        Assert.Equal("bytes=70000-", ranges[1]);
        Assert.Contains(_log, l => l.Contains("connection closed after") && l.Contains("resuming at"));
    }

    [Fact]
    public async Task A_server_that_ignores_range_requests_restarts_the_file_and_still_completes()
    {
        _origin.Serve(Url, new Route { Body = Payload, SupportsRange = false, Misbehaviour = Misbehaviour.Truncate, CutAt = 50_000, Times = 2 });
        using var d = Make();
        var partial = Path.Combine(_dir, "x.bin.partial");
        await d.DownloadAsync(Request(), partial, "x.bin");
        Assert.Equal(Payload, File.ReadAllBytes(partial));
        Assert.Contains(_log, l => l.Contains("ignored the range request; starting over"));
    }

    [Fact]
    public async Task A_transfer_that_keeps_breaking_without_progress_gives_up_with_the_reason()
    {
        _origin.Serve(Url, new Route { Body = Payload, SupportsRange = false, Misbehaviour = Misbehaviour.Truncate, CutAt = 1000, Times = int.MaxValue });
        using var d = Make();
        var e = await Assert.ThrowsAsync<FetchException>(() => d.DownloadAsync(Request(), Path.Combine(_dir, "x.partial"), "x.bin"));
        Assert.Equal(FetchFailure.Failed, e.Failure);
        Assert.Contains("connection closed after", e.Message);
        Assert.Contains("3 without progress", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task A_stalled_body_times_out_with_a_clear_message()
    {
        _origin.Serve(Url, new Route { Body = Payload, Misbehaviour = Misbehaviour.StallBody, CutAt = 10, Times = int.MaxValue, StallFor = TimeSpan.FromSeconds(10), SupportsRange = false });
        using var d = Make(new FetchSettings { Backoff = TimeSpan.Zero, StallTimeout = TimeSpan.FromMilliseconds(300), Retries = 2 });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<FetchException>(() => d.DownloadAsync(Request(), Path.Combine(_dir, "x.partial"), "x.bin"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        Assert.Equal(FetchFailure.Failed, e.Failure);
        Assert.Contains("no data for 300 ms after 10 B of 200.0 kB (stalled server)", e.Message);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_before_the_headers()
    {
        _origin.Serve(Url, new Route { Body = Payload, Misbehaviour = Misbehaviour.StallHeaders, Times = int.MaxValue, StallFor = TimeSpan.FromSeconds(10) });
        using var d = Make(new FetchSettings { Backoff = TimeSpan.Zero, StallTimeout = TimeSpan.FromMilliseconds(300), Retries = 1 });
        var e = await Assert.ThrowsAsync<FetchException>(() => d.DownloadAsync(Request(), Path.Combine(_dir, "x.partial"), "x.bin"));
        Assert.Contains("no answer within 300 ms (stalled server)", e.Message);
    }

    [Fact]
    public async Task Not_found_is_permanent_and_not_retried()
    {
        _origin.Status(Url, 404);
        using var d = Make();
        var e = await Assert.ThrowsAsync<FetchException>(() => d.DownloadAsync(Request(), Path.Combine(_dir, "x.partial"), "x.bin"));
        Assert.Equal(FetchFailure.NotServed, e.Failure);
        Assert.Contains("HTTP 404", e.Message);
        Assert.Single(_origin.Requests);
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        _origin.Serve(Url, new Route { Status = 503 });
        using var d = Make();
        var e = await Assert.ThrowsAsync<FetchException>(() => d.DownloadAsync(Request(), Path.Combine(_dir, "x.partial"), "x.bin"));
        Assert.Equal(FetchFailure.Failed, e.Failure);
        Assert.Contains("HTTP 503", e.Message);
        Assert.Equal(3, _origin.Requests.Count);
    }

    [Fact]
    public async Task A_post_is_sent_with_its_json_body_and_the_served_name_is_reported()
    {
        string? received = null;
        _origin.Serve("https://api.gdc.cancer.gov/data", new Route
        {
            Handler = (req, body) => { received = req.ContentType + " " + body; return (200, Payload, "attachment; filename=gdc_download_1.tar.gz"); },
        });
        using var d = Make();
        var r = await d.DownloadAsync(HttpRequestSpec.PostJson(_origin.Overrides("api.gdc.cancer.gov").Apply(new Uri("https://api.gdc.cancer.gov/data")), "{\"ids\":[\"a\"]}"),
            Path.Combine(_dir, "p.partial"), "post");
        Assert.Equal("gdc_download_1.tar.gz", r.ServedName);
        Assert.StartsWith("application/json", received);
        Assert.EndsWith("{\"ids\":[\"a\"]}", received);
    }

    [Fact]
    public async Task Without_a_network_the_host_is_reported_unreachable_at_once()
    {
        var handler = new SocketsHttpHandler { ConnectCallback = (_, _) => throw new SocketException((int)SocketError.HostNotFound) };
        using var d = Make(handler: handler);
        var e = await Assert.ThrowsAsync<FetchException>(() => d.DownloadAsync(HttpRequestSpec.Get(new Uri(Url)), Path.Combine(_dir, "x.partial"), "x.bin"));
        Assert.Equal(FetchFailure.Unreachable, e.Failure);
        Assert.Contains("cannot reach stringdb-static.org", e.Message);
        Assert.Equal(["stringdb-static.org"], d.UnreachableHosts);
        Assert.False(d.ReceivedResponse);
    }

    [Fact]
    public void Progress_lines_give_bytes_rate_and_remaining_time()
    {
        Assert.Equal("links.gz: 12.5 MB of 80.0 MB (15.6%), 2.5 MB/s, 27 s left", TransferProgress.Line("links.gz", 12_500_000, 80_000_000, 12_500_000, 5));
        Assert.Equal("links.gz: 1.50 GB of 2.00 GB (75.0%), 1.0 MB/s, 8 min 20 s left", TransferProgress.Line("links.gz", 1_500_000_000, 2_000_000_000, 500_000_000, 500));
        Assert.Equal("x: 999 B, 99 B/s", TransferProgress.Line("x", 999, null, 999, 10));
        Assert.Equal("2 h 05 min", TransferProgress.Duration(7500));
    }

    [Fact]
    public async Task A_long_transfer_prints_progress_lines()
    {
        var slow = new byte[3_000_000];
        new Random(1).NextBytes(slow);
        _origin.Serve(Url, slow);
        using var d = Make(new FetchSettings { ProgressInterval = TimeSpan.FromTicks(1), StallTimeout = TimeSpan.FromSeconds(5) });
        await d.DownloadAsync(Request(), Path.Combine(_dir, "x.partial"), "x.bin");
        Assert.Contains(_log, l => l.StartsWith("x.bin: ") && l.Contains(" of 3.0 MB (") && l.Contains("/s"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(slow)), OriginFetcher.Measure(Path.Combine(_dir, "x.partial")).Sha256);
    }

    [Fact]
    public void Base_url_overrides_keep_the_origin_path_under_the_mirror_base()
    {
        var o = OriginOverrides.None.With(["stringdb-static.org=http://mirror.example.org/string/", "api.gdc.cancer.gov=http://127.0.0.1:9"], "test");
        Assert.Equal("http://mirror.example.org/string/download/a/b.gz", o.Apply(new Uri("https://stringdb-static.org/download/a/b.gz")).ToString());
        Assert.Equal("http://127.0.0.1:9/data/x?y=1", o.Apply(new Uri("https://api.gdc.cancer.gov/data/x?y=1")).ToString());
        Assert.Equal("https://ars.els-cdn.com/a", o.Apply(new Uri("https://ars.els-cdn.com/a")).ToString());
        Assert.Contains("not HOST=URL", Assert.Throws<ArgumentException>(() => o.With(["https://x.org=http://y"], "--base-url")).Message);
        Assert.Contains("not an absolute http(s) URL", Assert.Throws<ArgumentException>(() => o.With(["x.org=ftp://y"], "--base-url")).Message);
    }

    [Fact]
    public void Settings_refuse_unknown_keys_and_bad_values_with_a_suggestion()
    {
        var s = new FetchSettings().With(["string.min_score=900", "lee2018.table_s3_mmc=5", "stall_timeout_s=1.5"], "--set");
        Assert.Equal(900, s.StringMinScore);
        Assert.Equal(5, s.Lee2018TableS3Mmc);
        Assert.Equal(TimeSpan.FromSeconds(1.5), s.StallTimeout);
        Assert.Contains("did you mean 'string.min_score'", Assert.Throws<ArgumentException>(() => s.With(["string.minscore=1"], "--set")).Message);
        Assert.Contains("not an integer in 0..999", Assert.Throws<ArgumentException>(() => s.With(["string.min_score=1000"], "--set")).Message);
    }

    [Fact]
    public void A_config_file_sets_base_urls_and_settings()
    {
        var path = Path.Combine(_dir, "fetch-inputs.conf");
        File.WriteAllText(path, "# private mirror\nbase-url stringdb-static.org=http://mirror.example.org/s\nset retries=7  # more patience\n");
        var s = new FetchSettings().WithConfigFile(path);
        Assert.Equal(7, s.Retries);
        Assert.True(s.Overrides.IsOverridden(new Uri("https://stringdb-static.org/x")));
        File.WriteAllText(path, "retries=7\n");
        Assert.Contains($"{path}:1", Assert.Throws<ArgumentException>(() => new FetchSettings().WithConfigFile(path)).Message);
    }
}
