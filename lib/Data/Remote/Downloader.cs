using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>One HTTP request of the fetch: a GET of a static file, or a POST with a JSON body (GDC API).</summary>
/// <param name="Url">The absolute URL.</param>
/// <param name="Method">GET or POST.</param>
/// <param name="JsonBody">The JSON body of a POST; null for a GET.</param>
public sealed record HttpRequestSpec(Uri Url, HttpMethod Method, string? JsonBody = null)
{
    /// <summary>A GET of <paramref name="url"/>.</summary>
    /// <param name="url">The absolute URL.</param>
    public static HttpRequestSpec Get(Uri url) => new(url, HttpMethod.Get);

    /// <summary>A POST of <paramref name="body"/> as JSON to <paramref name="url"/>.</summary>
    /// <param name="url">The absolute URL.</param>
    /// <param name="body">The JSON body.</param>
    public static HttpRequestSpec PostJson(Uri url, string body) => new(url, HttpMethod.Post, body);

    /// <summary>The URL alone for a GET, "POST URL" for a POST (the body is left out): used in logs, in the lock and to
    /// tell whether a partial file came from the same request.</summary>
    public override string ToString() => Method == HttpMethod.Get ? Url.AbsoluteUri : $"{Method} {Url.AbsoluteUri}";
}

/// <summary>A completed transfer: the file written, its size, and the name the server gave it (Content-Disposition).</summary>
/// <param name="Url">The URL requested (before redirects).</param>
/// <param name="Path">The partial file the transfer was written to.</param>
/// <param name="Bytes">The file's size in bytes.</param>
/// <param name="ServedName">The file name of the server's Content-Disposition header, or null when it gave none.</param>
/// <param name="Attempts">Requests made, &gt;= 1.</param>
/// <param name="Resumes">Requests that continued a partial file with an HTTP Range request, &gt;= 0.</param>
public sealed record TransferResult(Uri Url, string Path, long Bytes, string? ServedName, int Attempts, int Resumes);

/// <summary>
/// HTTP transfers as a careful download tool does them: written to the given partial file (never to the final name),
/// resumed with an HTTP Range request after a broken or truncated transfer (GET only; a server that ignores Range
/// restarts the file), retried with exponential backoff, a stall timeout on every wait for the server (headers or
/// body), and progress lines on long transfers. Permanent answers (HTTP 400/401/403/404/405/410) are not retried: the
/// caller tries the next origin. Gzip files are stored as served (no automatic decompression).
/// </summary>
public sealed class Downloader : IDisposable
{
    private readonly HttpClient _http;
    private readonly FetchSettings _settings;
    private readonly Action<string> _log;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    /// <summary>A downloader with its own <see cref="HttpClient"/> (no overall timeout: the stall timeout applies instead).</summary>
    /// <param name="settings">Retries, backoff, stall timeout, progress interval.</param>
    /// <param name="log">Receives progress and retry lines.</param>
    /// <param name="handler">The HTTP handler (null: a SocketsHttpHandler with no automatic decompression).</param>
    /// <param name="delay">Waits between retries (tests may shorten it; default Task.Delay).</param>
    public Downloader(FetchSettings settings, Action<string> log, HttpMessageHandler? handler = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _settings = settings;
        _log = log;
        _delay = delay ?? Task.Delay;
        handler ??= new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = settings.StallTimeout,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("OrganoidBiomarkers-fetch-inputs", "1.0"));
    }

    /// <summary>Releases the HTTP client (and the handler it owns).</summary>
    public void Dispose() => _http.Dispose();

    /// <summary>True once any server answered (any status): the network works, so a later failure is not "no network".</summary>
    public bool ReceivedResponse { get; private set; }

    /// <summary>Hosts that could not be reached (name not resolved, network unreachable), in the order tried.</summary>
    public IReadOnlyList<string> UnreachableHosts => _unreachable;

    private readonly List<string> _unreachable = [];

    /// <summary>
    /// Transfers <paramref name="request"/> into <paramref name="partialPath"/>. A GET resumes what the file already
    /// holds (the caller deletes it when it came from another URL); a POST always starts over.
    /// </summary>
    /// <param name="request">The request (URL overrides already applied).</param>
    /// <param name="partialPath">The file to write; the caller renames it once accepted.</param>
    /// <param name="label">The file's name in progress lines.</param>
    /// <param name="ct">Cancels the transfer.</param>
    /// <exception cref="FetchException">NotServed (permanent HTTP answer), Unreachable (host name not resolved,
    /// network unreachable) or Failed (retries used up; the message gives the last reason).</exception>
    public async Task<TransferResult> DownloadAsync(HttpRequestSpec request, string partialPath, string label, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(partialPath))!);
        bool resumable = request.Method == HttpMethod.Get;
        if (!resumable && File.Exists(partialPath)) File.Delete(partialPath);
        var wait = _settings.Backoff;
        int attempts = 0, resumes = 0, withoutProgress = 0;
        string lastReason = "";
        while (true)
        {
            attempts++;
            long before = File.Exists(partialPath) ? new FileInfo(partialPath).Length : 0;
            if (before > 0) resumes++;
            try
            {
                var served = await AttemptAsync(request, partialPath, before, label, ct);
                long size = new FileInfo(partialPath).Length;
                return new TransferResult(request.Url, partialPath, size, served, attempts, Math.Max(0, resumes));
            }
            catch (TransientException e)
            {
                lastReason = e.Message;
            }
            long after = File.Exists(partialPath) ? new FileInfo(partialPath).Length : 0;
            if (after > before && resumable) { withoutProgress = 0; wait = _settings.Backoff; }
            else withoutProgress++;
            if (withoutProgress >= _settings.Retries)
                throw new FetchException(FetchFailure.Failed, $"{request}: {lastReason} ({attempts} attempt(s), {_settings.Retries} without progress)");
            string resume = resumable && after > 0 ? $", resuming at {TransferProgress.Bytes(after)}" : "";
            _log($"{label}: {lastReason}; retry in {TransferProgress.Duration(wait.TotalSeconds)}{resume}");
            await _delay(wait, ct);
            wait = TimeSpan.FromSeconds(Math.Min(60, Math.Max(wait.TotalSeconds * 2, 0.001)));
        }
    }

    /// <summary>One request. Returns the served file name when the transfer completed; throws TransientException otherwise.</summary>
    private async Task<string?> AttemptAsync(HttpRequestSpec request, string partialPath, long have, string label, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(request.Method, request.Url);
        if (request.JsonBody is not null) message.Content = new StringContent(request.JsonBody, Encoding.UTF8, "application/json");
        if (have > 0) message.Headers.Range = new RangeHeaderValue(have, null);

        using var stall = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stall.CancelAfter(_settings.StallTimeout);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, stall.Token);
            ReceivedResponse = true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TransientException($"no answer within {Seconds(_settings.StallTimeout)} (stalled server)");
        }
        catch (HttpRequestException e)
        {
            if (IsUnreachable(e))
            {
                if (!_unreachable.Contains(request.Url.Host)) _unreachable.Add(request.Url.Host);
                throw new FetchException(FetchFailure.Unreachable, $"{request}: cannot reach {request.Url.Host} ({Describe(e)})");
            }
            throw new TransientException($"connection failed ({Describe(e)})");
        }

        using (response)
        {
            int status = (int)response.StatusCode;
            bool append = false;
            long? total = response.Content.Headers.ContentLength;
            switch (status)
            {
                case 200:
                    if (have > 0) _log($"{label}: the server ignored the range request; starting over");
                    break;
                case 206:
                    var range = response.Content.Headers.ContentRange;
                    if (range?.From != have)
                    {
                        File.Delete(partialPath);
                        throw new TransientException($"the server resumed at byte {range?.From?.ToString() ?? "?"} instead of {have}; starting over");
                    }
                    append = true;
                    total = range.Length ?? (total is long t ? have + t : null);
                    break;
                case 416:
                    if (response.Content.Headers.ContentRange?.Length is long full && full == have) return ServedName(response);
                    File.Delete(partialPath);
                    throw new TransientException("the server refused the resume range; starting over");
                case 400 or 401 or 403 or 404 or 405 or 410:
                    throw new FetchException(FetchFailure.NotServed, $"{request}: HTTP {status} ({response.ReasonPhrase})");
                case 408 or 429 or >= 500:
                    throw new TransientException($"HTTP {status} ({response.ReasonPhrase})");
                default:
                    throw new FetchException(FetchFailure.NotServed, $"{request}: unexpected HTTP {status} ({response.ReasonPhrase})");
            }

            long written = append ? have : 0;
            var progress = new TransferProgress(label, written, total, _settings.ProgressInterval, _log);
            var clock = Stopwatch.StartNew();
            long startBytes = written;
            await using (var file = new FileStream(partialPath, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Stream body;
                stall.CancelAfter(_settings.StallTimeout);
                try
                {
                    body = await response.Content.ReadAsStreamAsync(stall.Token);
                }
                catch (Exception e) when (e is OperationCanceledException && !ct.IsCancellationRequested)
                {
                    throw new TransientException($"no data for {Seconds(_settings.StallTimeout)} (stalled server)");
                }
                await using (body)
                {
                    var buffer = new byte[1 << 16];
                    while (true)
                    {
                        int n;
                        stall.CancelAfter(_settings.StallTimeout);
                        try
                        {
                            n = await body.ReadAsync(buffer, stall.Token);
                        }
                        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                        {
                            throw new TransientException($"no data for {Seconds(_settings.StallTimeout)} after {TransferProgress.Bytes(written)}{Of(total)} (stalled server)");
                        }
                        catch (Exception e) when (e is IOException or HttpRequestException)
                        {
                            throw new TransientException($"connection closed after {TransferProgress.Bytes(written)}{Of(total)} ({e.Message})");
                        }
                        if (n == 0) break;
                        await file.WriteAsync(buffer.AsMemory(0, n), ct);
                        written += n;
                        progress.Report(written);
                    }
                }
            }
            if (total is long expected && written != expected)
            {
                if (written > expected) File.Delete(partialPath);
                throw new TransientException($"truncated transfer: {written} of {expected} bytes");
            }
            if (clock.Elapsed >= _settings.ProgressInterval)
                _log($"{label}: {TransferProgress.Bytes(written - startBytes)} in {TransferProgress.Duration(clock.Elapsed.TotalSeconds)} " +
                     $"({TransferProgress.Bytes((long)((written - startBytes) / Math.Max(clock.Elapsed.TotalSeconds, 1e-3)))}/s)");
            return ServedName(response);
        }
    }

    private static string Of(long? total) => total is long t ? $" of {TransferProgress.Bytes(t)}" : "";

    private static string Seconds(TimeSpan t) => TransferProgress.Duration(t.TotalSeconds) is var d && d == "0 s" ? $"{t.TotalMilliseconds:F0} ms" : d;

    /// <summary>The file name in Content-Disposition (<c>filename=</c> or <c>filename*=</c>), quotes removed.</summary>
    private static string? ServedName(HttpResponseMessage response)
    {
        var cd = response.Content.Headers.ContentDisposition;
        var name = cd?.FileNameStar ?? cd?.FileName;
        return name?.Trim('"', ' ');
    }

    /// <summary>No route to the origin at all: its name does not resolve, or the network is down.</summary>
    /// <param name="e">The exception of a failed request.</param>
    public static bool IsUnreachable(HttpRequestException e)
    {
        if (e.HttpRequestError == HttpRequestError.NameResolutionError) return true;
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            if (inner is SocketException s && s.SocketErrorCode is SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData
                    or SocketError.NetworkUnreachable or SocketError.NetworkDown or SocketError.HostUnreachable)
                return true;
        return false;
    }

    private static string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        return inner == e ? e.Message : $"{e.Message} {inner.Message}".Trim();
    }

    /// <summary>A failure worth retrying (stall, broken connection, truncated body, server error).</summary>
    private sealed class TransientException(string message) : Exception(message);
}
