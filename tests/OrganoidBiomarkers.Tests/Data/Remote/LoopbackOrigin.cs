using System.Collections.Concurrent;
using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrganoidBiomarkers.Data.Remote;

namespace OrganoidBiomarkers.Tests.Data.Remote;

/// <summary>How a route misbehaves (for the failure tests).</summary>
public enum Misbehaviour
{
    None,
    /// <summary>Announces the full length but sends only <see cref="Route.CutAt"/> bytes, then closes the connection.</summary>
    Truncate,
    /// <summary>Sends the headers and <see cref="Route.CutAt"/> bytes, then nothing for <see cref="Route.StallFor"/>.</summary>
    StallBody,
    /// <summary>Sends nothing (not even headers) for <see cref="Route.StallFor"/>.</summary>
    StallHeaders,
}

/// <summary>A request as the loopback server received it.</summary>
public sealed record LoopbackRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? ContentType => Headers.TryGetValue("content-type", out var v) ? v : null;
}

/// <summary>One served path: fixed bytes (with optional misbehaviour), a status, or a handler.</summary>
public sealed class Route
{
    public byte[] Body { get; set; } = [];
    public int Status { get; set; } = 200;
    public string? ContentDisposition { get; set; }
    public bool SupportsRange { get; set; } = true;
    public Misbehaviour Misbehaviour { get; set; }
    public int CutAt { get; set; }
    /// <summary>How many responses misbehave before the route behaves (int.MaxValue: always).</summary>
    public int Times { get; set; } = 1;
    public TimeSpan StallFor { get; set; } = TimeSpan.FromSeconds(5);
    public Func<LoopbackRequest, string, (int Status, byte[] Body, string? Disposition)>? Handler { get; set; }
    internal int Served;
}

/// <summary>
/// A loopback HTTP/1.1 server (a TcpListener on 127.0.0.1 only, one request per connection) standing in for every
/// origin host: with base-URL overrides <c>HOST=http://127.0.0.1:PORT/HOST</c>, a request for
/// <c>https://HOST/path?query</c> arrives as <c>/HOST/path?query</c>. Routes are registered by that path and query.
/// Supports HTTP Range (206 with Content-Range, 416), responses cut short (the connection closes after part of the
/// announced body), stalled responses, and handlers for the GDC API's POST /files (pagination) and POST /data (tar.gz
/// with MANIFEST.txt).
/// </summary>
public sealed class LoopbackOrigin : IDisposable
{
    private readonly TcpListener _listener;
    private readonly ConcurrentDictionary<string, Route> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();

    public string BaseUrl { get; }
    public ConcurrentQueue<(string Method, string Path, string? Range)> Requests { get; } = new();

    public LoopbackOrigin()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _ = Task.Run(AcceptAsync);
    }

    /// <summary>Overrides that send every given host to this server.</summary>
    public OriginOverrides Overrides(params string[] hosts) => OriginOverrides.None.With(hosts.Select(h => $"{h}={BaseUrl}/{h}"), "test");

    /// <summary>The request path of an origin URL on this server.</summary>
    public static string PathOf(string originUrl)
    {
        var u = new Uri(originUrl);
        return "/" + u.Host + u.PathAndQuery;
    }

    public Route Serve(string originUrl, byte[] body, string? disposition = null) =>
        _routes[PathOf(originUrl)] = new Route { Body = body, ContentDisposition = disposition };

    public Route Serve(string originUrl, Route route) => _routes[PathOf(originUrl)] = route;

    public void Status(string originUrl, int status) => _routes[PathOf(originUrl)] = new Route { Status = status, Body = Encoding.UTF8.GetBytes($"<html><body>{status}</body></html>") };

    public int RequestCount(string originUrl) => Requests.Count(r => r.Path == PathOf(originUrl));

    public static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); } catch { return; }
            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK", 206 => "Partial Content", 404 => "Not Found", 403 => "Forbidden", 416 => "Range Not Satisfiable", 503 => "Service Unavailable", _ => "Status",
    };

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            try
            {
                // Request head: up to the blank line.
                var head = new StringBuilder();
                var one = new byte[1];
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
                {
                    if (await stream.ReadAsync(one, _stop.Token) == 0) return;
                    head.Append((char)one[0]);
                }
                var lines = head.ToString().Split("\r\n");
                var requestLine = lines[0].Split(' ');
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var l in lines.Skip(1).Where(l => l.Length > 0))
                {
                    int colon = l.IndexOf(':');
                    headers[l[..colon].Trim().ToLowerInvariant()] = l[(colon + 1)..].Trim();
                }
                var bodyBytes = new byte[headers.TryGetValue("content-length", out var cl) ? int.Parse(cl) : 0];
                for (int read = 0; read < bodyBytes.Length;)
                {
                    int n = await stream.ReadAsync(bodyBytes.AsMemory(read), _stop.Token);
                    if (n == 0) return;
                    read += n;
                }
                string method = requestLine[0], path = requestLine[1];
                string? range = headers.TryGetValue("range", out var r) ? r : null;
                Requests.Enqueue((method, path, range));
                var request = new LoopbackRequest(method, path, headers, Encoding.UTF8.GetString(bodyBytes));

                if (!_routes.TryGetValue(path, out var route))
                {
                    await Respond(stream, 404, [], ReadOnlyMemory<byte>.Empty);
                    return;
                }
                int served = Interlocked.Increment(ref route.Served);
                bool misbehave = route.Misbehaviour != Misbehaviour.None && served <= route.Times;
                byte[] body = route.Body;
                int status = route.Status;
                string? disposition = route.ContentDisposition;
                if (route.Handler is not null) (status, body, disposition) = route.Handler(request, request.Body);
                if (misbehave && route.Misbehaviour == Misbehaviour.StallHeaders) await Task.Delay(route.StallFor, _stop.Token);

                var extra = new List<string>();
                if (disposition is not null) extra.Add($"Content-Disposition: {disposition}");
                long start = 0;
                if (status == 200 && range is not null && route.SupportsRange && range.StartsWith("bytes=") && range.EndsWith('-'))
                {
                    start = long.Parse(range[6..^1]);
                    if (start >= body.Length)
                    {
                        await Respond(stream, 416, [$"Content-Range: bytes */{body.Length}"], ReadOnlyMemory<byte>.Empty);
                        return;
                    }
                    status = 206;
                    extra.Add($"Content-Range: bytes {start}-{body.Length - 1}/{body.Length}");
                }
                var content = body.AsMemory((int)start);
                if (misbehave && route.Misbehaviour is Misbehaviour.Truncate or Misbehaviour.StallBody)
                {
                    await WriteHead(stream, status, extra, content.Length);
                    await stream.WriteAsync(content[..Math.Min(route.CutAt, content.Length)], _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                    if (route.Misbehaviour == Misbehaviour.StallBody) await Task.Delay(route.StallFor, _stop.Token);
                    client.Client.Shutdown(SocketShutdown.Send);
                    return;
                }
                await Respond(stream, status, extra, content);
            }
            catch
            {
                // The client went away (a timeout test) or the server stops.
            }
        }
    }

    private async Task WriteHead(NetworkStream stream, int status, IEnumerable<string> extra, long length)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\nContent-Length: {length}\r\nConnection: close\r\n");
        foreach (var h in extra) head.Append(h).Append("\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
    }

    private async Task Respond(NetworkStream stream, int status, IEnumerable<string> extra, ReadOnlyMemory<byte> body)
    {
        await WriteHead(stream, status, extra, body.Length);
        await stream.WriteAsync(body, _stop.Token);
        await stream.FlushAsync(_stop.Token);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    // ---------------------------------------------------------------- GDC API

    /// <summary>One GDC file served by the fake API.</summary>
    public sealed record GdcEntry(string FileId, string FileName, string Project, string DataFormat, string Workflow, string Sample, byte[] Content);

    /// <summary>
    /// Serves POST /files (filters on project, data_format and workflow; honours size and from; answers with data.hits,
    /// data.pagination and warnings) and POST /data ({"ids": [...]} -> tar.gz with MANIFEST.txt, each file as
    /// id/name, plus an annotations.txt with a \N manifest row), and GET /data/{id} (the file itself with
    /// Content-Disposition "attachment; filename=NAME").
    /// </summary>
    public void ServeGdc(IReadOnlyList<GdcEntry> files)
    {
        var byId = files.ToDictionary(f => f.FileId, StringComparer.Ordinal);
        _routes[PathOf("https://api.gdc.cancer.gov/files")] = new Route
        {
            Handler = (_, body) =>
            {
                var q = JsonNode.Parse(body)!.AsObject();
                var filters = q["filters"]!["content"]!.AsArray().Select(f => (Field: (string)f!["content"]!["field"]!, Values: f["content"]!["value"]!.AsArray().Select(v => (string)v!).ToList())).ToList();
                bool Match(GdcEntry e) => filters.All(f => f.Field switch
                {
                    "cases.project.project_id" => f.Values.Contains(e.Project),
                    "files.data_format" => f.Values.Contains(e.DataFormat),
                    "files.analysis.workflow_type" => f.Values.Contains(e.Workflow),
                    "files.data_type" => e.Workflow == "STAR - Counts" && f.Values.Contains("Gene Expression Quantification"),
                    "files.access" => f.Values.Contains("open"),
                    _ => false,
                });
                int size = int.Parse((string)q["size"]!), from = int.Parse((string?)q["from"] ?? "0");
                var matching = files.Where(Match).ToList();
                var page = matching.Skip(from).Take(size).ToList();
                var hits = new JsonArray(page.Select(e => (JsonNode)new JsonObject
                {
                    ["id"] = e.FileId,
                    ["file_name"] = e.FileName,
                    ["md5sum"] = GdcApi.Md5Of(e.Content),
                    ["file_size"] = e.Content.Length,
                    ["file_id"] = e.FileId,
                    ["cases"] = e.Sample.Length == 0 ? new JsonArray() : new JsonArray(new JsonObject
                    {
                        ["submitter_id"] = e.Sample[..12],
                        ["samples"] = new JsonArray(new JsonObject { ["submitter_id"] = e.Sample, ["sample_type"] = e.Sample[13..15] == "01" ? "Primary Tumor" : "Solid Tissue Normal" }),
                    }),
                }).ToArray());
                var answer = new JsonObject
                {
                    ["data"] = new JsonObject
                    {
                        ["hits"] = hits,
                        ["pagination"] = new JsonObject
                        {
                            ["count"] = page.Count, ["total"] = matching.Count, ["size"] = size, ["from"] = from, ["sort"] = "",
                            ["page"] = from / Math.Max(1, size) + 1, ["pages"] = (matching.Count + size - 1) / Math.Max(1, size),
                        },
                    },
                    ["warnings"] = new JsonObject(),
                };
                return (200, Encoding.UTF8.GetBytes(answer.ToJsonString()), null);
            },
        };
        _routes[PathOf("https://api.gdc.cancer.gov/data")] = new Route
        {
            SupportsRange = false,
            Handler = (_, body) =>
            {
                var ids = JsonNode.Parse(body)!["ids"]!.AsArray().Select(v => (string)v!).ToList();
                return (200, TarGz(ids.Select(id => byId[id]).ToList()), $"attachment; filename=gdc_download_20261205_101010.123456.tar.gz");
            },
        };
        foreach (var f in files)
            _routes[PathOf($"https://api.gdc.cancer.gov/data/{f.FileId}")] = new Route { Body = f.Content, ContentDisposition = $"attachment; filename={f.FileName}" };
    }

    /// <summary>A GDC /data archive: MANIFEST.txt (id filename md5 size state; annotation rows with \N), then id/name.</summary>
    public static byte[] TarGz(IReadOnlyList<GdcEntry> files)
    {
        var manifest = new StringBuilder("id\tfilename\tmd5\tsize\tstate\n");
        foreach (var f in files) manifest.Append($"{f.FileId}\t{f.FileId}/{f.FileName}\t{GdcApi.Md5Of(f.Content)}\t{f.Content.Length}\tvalidated\n");
        var annotation = Encoding.UTF8.GetBytes("id\tsubmitter_id\tentity_type\tcategory\n0a1b\tTCGA-AF-2687\tcase\tItem flagged DNU\n");
        manifest.Append($"\\N\t{files[0].FileId}/annotations.txt\t{GdcApi.Md5Of(annotation)}\t{annotation.Length}\t\\N\n");
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gz, TarEntryFormat.Pax, leaveOpen: true))
        {
            void Add(string name, byte[] data)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) };
                tar.WriteEntry(entry);
            }
            foreach (var f in files) Add($"{f.FileId}/{f.FileName}", f.Content);
            Add($"{files[0].FileId}/annotations.txt", annotation);
            Add("MANIFEST.txt", Encoding.UTF8.GetBytes(manifest.ToString()));
        }
        return ms.ToArray();
    }
}
