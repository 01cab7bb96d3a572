using System.Diagnostics;
using System.Globalization;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>
/// Progress lines of a long transfer: bytes so far (of the total when known), rate and remaining time. The first line
/// comes after one interval, so short transfers print only their summary.
/// </summary>
public sealed class TransferProgress
{
    private readonly string _label;
    private readonly long? _total;
    private readonly long _start;
    private readonly TimeSpan _interval;
    private readonly Action<string> _sink;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _next;

    /// <summary>Starts the clock; the first line comes after <paramref name="interval"/>.</summary>
    /// <param name="label">What is transferred (the file's name).</param>
    /// <param name="startBytes">Bytes already present (a resumed transfer).</param>
    /// <param name="total">Total size in bytes, when the server says it.</param>
    /// <param name="interval">Time between lines.</param>
    /// <param name="sink">Receives the lines.</param>
    public TransferProgress(string label, long startBytes, long? total, TimeSpan interval, Action<string> sink)
    {
        _label = label;
        _start = startBytes;
        _total = total;
        _interval = interval;
        _sink = sink;
        _next = interval;
    }

    /// <summary>Reports the byte count; prints a line when an interval has passed.</summary>
    /// <param name="bytes">Bytes of the file so far, including those a resumed transfer started with.</param>
    public void Report(long bytes)
    {
        var elapsed = _clock.Elapsed;
        if (elapsed < _next) return;
        _next = elapsed + _interval;
        _sink(Line(_label, bytes, _total, bytes - _start, elapsed.TotalSeconds));
    }

    /// <summary>
    /// One progress line, e.g. "links.txt.gz: 12.5 MB of 80.0 MB (15.6%), 2.5 MB/s, 27 s left". The rate is over this
    /// transfer's own bytes (a resumed transfer does not count the bytes it started with).
    /// </summary>
    /// <param name="label">The file's name.</param>
    /// <param name="bytes">Bytes of the file so far.</param>
    /// <param name="total">Total size in bytes, or null when unknown (no percentage or time left).</param>
    /// <param name="transferred">Bytes transferred in this transfer.</param>
    /// <param name="seconds">Elapsed seconds of this transfer.</param>
    public static string Line(string label, long bytes, long? total, long transferred, double seconds)
    {
        double rate = seconds > 0 ? transferred / seconds : 0;
        string of = total is long t && t > 0 ? $" of {Bytes(t)} ({(100.0 * bytes / t).ToString("F1", CultureInfo.InvariantCulture)}%)" : "";
        string left = total is long t2 && t2 > 0 && rate > 0 ? $", {Duration((t2 - bytes) / rate)} left" : "";
        return $"{label}: {Bytes(bytes)}{of}, {Bytes((long)rate)}/s{left}";
    }

    /// <summary>Decimal units (1 MB = 10^6 bytes), one decimal.</summary>
    /// <param name="n">A size in bytes.</param>
    public static string Bytes(long n) => n switch
    {
        < 1000 => $"{n} B",
        < 1_000_000 => (n / 1e3).ToString("F1", CultureInfo.InvariantCulture) + " kB",
        < 1_000_000_000 => (n / 1e6).ToString("F1", CultureInfo.InvariantCulture) + " MB",
        _ => (n / 1e9).ToString("F2", CultureInfo.InvariantCulture) + " GB",
    };

    /// <summary>"45 s", "3 min 05 s", "1 h 02 min".</summary>
    /// <param name="seconds">A duration in seconds; "?" for NaN, infinite or negative.</param>
    public static string Duration(double seconds)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds) || seconds < 0) return "?";
        long s = (long)Math.Round(seconds);
        if (s < 60) return $"{s} s";
        if (s < 3600) return $"{s / 60} min {s % 60:D2} s";
        return $"{s / 3600} h {s % 3600 / 60:D2} min";
    }
}
