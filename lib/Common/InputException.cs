namespace OrganoidBiomarkers.Common;

/// <summary>
/// Bad input at the boundary: names the file, the line (1-based, 0 when not line-specific), what is wrong and how to
/// fix it. Message is one line so a failed run prints one clear sentence.
/// </summary>
public sealed class InputException : Exception
{
    /// <summary>The file at fault, as the reader was given it.</summary>
    public string File { get; }

    /// <summary>1-based line of the fault, or 0 when the problem is not on one line (e.g. a missing column).</summary>
    public int Line { get; }

    /// <summary>What is wrong, one clause without a final full stop.</summary>
    public string Problem { get; }

    /// <summary>What the user should do about it.</summary>
    public string Fix { get; }

    /// <summary>The message is "file:line: problem. Fix: fix" (just "file: ..." when <paramref name="line"/> is 0).</summary>
    /// <param name="file">The file at fault.</param>
    /// <param name="line">1-based line, or 0 when not line-specific.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="fix">What to do about it.</param>
    public InputException(string file, int line, string problem, string fix)
        : base(Format(file, line, problem, fix))
    {
        File = file;
        Line = line;
        Problem = problem;
        Fix = fix;
    }

    private static string Format(string file, int line, string problem, string fix)
    {
        var where = line > 0 ? $"{file}:{line}" : file;
        return $"{where}: {problem}. Fix: {fix}";
    }
}
