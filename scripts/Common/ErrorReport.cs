using System.Globalization;

namespace OrganoidBiomarkers.Cli;

/// <summary>
/// Turns an exception that reaches the user into one line on the screen (the tool, the class, the message naming the
/// file/line/option and the fix) and the full stack trace in a log file: $ORGANOID_LOG_DIR, else
/// $TMPDIR/organoid-biomarkers-logs/TOOL-UTCTIME-PID.log.
/// </summary>
internal static class ErrorReport
{
    public static string LogDirectory =>
        Environment.GetEnvironmentVariable("ORGANOID_LOG_DIR") is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "organoid-biomarkers-logs");

    /// <summary>Writes the one line to <paramref name="screen"/> and the trace to the log; returns the exit code of its class.</summary>
    public static int Report(string tool, Exception e, TextWriter screen)
    {
        if (e is AggregateException { InnerExceptions.Count: 1 } agg) e = agg.InnerExceptions[0];
        int code = ExitCodes.Classify(e);
        string? log = code is ExitCodes.Usage ? null : WriteLog(tool, e.ToString());
        screen.WriteLine(OneLine(tool, code, e.Message, log));
        screen.Flush();
        return code;
    }

    /// <summary>"tool: class: message [Fix: default fix] (stack trace: LOG)".</summary>
    public static string OneLine(string tool, int code, string message, string? log)
    {
        string first = FirstLine(message);
        string fix = first.Contains("Fix:", StringComparison.Ordinal) || code == ExitCodes.Usage ? "" : $". Fix: {ExitCodes.DefaultFix(code)}";
        string where = log is null ? "" : log.StartsWith('(') ? $" {log}" : $" (stack trace: {log})";
        return $"{tool}: {ExitCodes.Describe(code)}: {first.TrimEnd('.')}{fix}{where}";
    }

    /// <summary>Saves <paramref name="text"/> to a new log file; returns its path, or a note why it could not be saved.</summary>
    public static string WriteLog(string tool, string text)
    {
        try
        {
            Directory.CreateDirectory(LogDirectory);
            var path = Path.Combine(LogDirectory, $"{tool}-{DateTime.UtcNow.ToString("yyyyMMddTHHmmssfffZ", CultureInfo.InvariantCulture)}-{Environment.ProcessId}.log");
            File.WriteAllText(path, text + "\n");
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"(stack trace not saved: {FirstLine(e.Message)})";
        }
    }

    public static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length > 0 ? line : text.Trim();
    }
}
