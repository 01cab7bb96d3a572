namespace OrganoidBiomarkers.Cli;

/// <summary>
/// The exit status of every entry point (run-pipeline, apply-model, bench), one per class of failure, so that a script
/// or CI can tell a typo from bad data from a full disk. README "Exit codes" lists them; keep the two in step.
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The command line is wrong: unknown option or --param key, bad value, unknown choice or stage.</summary>
    public const int Usage = 2;
    /// <summary>An input file is malformed or degenerate (wrong delimiter, truncated, not numeric, no variation).</summary>
    public const int BadInput = 3;
    /// <summary>An input or an earlier stage's output is not there (not in the mirror, cache or origin; stage not run).</summary>
    public const int MissingData = 4;
    /// <summary>Reading or writing failed: permission denied, disk full, folder missing.</summary>
    public const int Io = 5;
    /// <summary>Another run holds the output folder's lock.</summary>
    public const int Busy = 6;
    /// <summary>A notebook exceeded --timeout-seconds.</summary>
    public const int Timeout = 7;
    /// <summary>A bug: an exception none of the classes above explains (the log holds the stack trace).</summary>
    public const int Internal = 70;
    /// <summary>Stopped by SIGINT (Ctrl-C): 128 + 2, as shells report it.</summary>
    public const int Interrupted = 130;
    /// <summary>Stopped by SIGTERM: 128 + 15.</summary>
    public const int Terminated = 143;

    /// <summary>
    /// The class of an exception, by type name so that the runner (which does not load the library) classifies the
    /// library's exceptions the same way as apply-model does.
    /// </summary>
    public static int Classify(Exception e) => Classify(e.GetType().Name, e is IOException or UnauthorizedAccessException, e is FileNotFoundException or DirectoryNotFoundException);

    /// <summary>The class of an exception named <paramref name="typeName"/> (e.g. reported by a notebook cell).</summary>
    public static int Classify(string typeName, bool isIo = false, bool isNotFound = false) => typeName switch
    {
        "UsageException" or "ParameterException" => Usage,
        "InputException" or "StaleOutputException" => BadInput,
        "DataUnavailableException" or "FileNotFoundException" or "DirectoryNotFoundException" => MissingData,
        "IOException" or "UnauthorizedAccessException" or "PathTooLongException" => Io,
        _ when isNotFound => MissingData,
        _ when isIo => Io,
        _ => Internal,
    };

    /// <summary>A few words naming the class, for the one-line message.</summary>
    public static string Describe(int code) => code switch
    {
        Usage => "usage",
        BadInput => "bad input",
        MissingData => "missing data",
        Io => "I/O error",
        Busy => "busy",
        Timeout => "timeout",
        Interrupted => "interrupted",
        Terminated => "terminated",
        _ => "internal error",
    };

    /// <summary>What to do, when the exception's own message does not say (ours end in "Fix: ...").</summary>
    public static string DefaultFix(int code) => code switch
    {
        MissingData => "check the path, the data mirror (--data-mirror) or run the stage that makes it",
        Io => "check that the folder exists, is writable and that the disk has free space",
        Internal => "this is a bug: please report it with the log named here",
        _ => "see --help",
    };
}

/// <summary>A command line the tool refuses; the message names the option, the value, what is allowed and a near match.</summary>
internal sealed class UsageException(string message) : Exception(message);
