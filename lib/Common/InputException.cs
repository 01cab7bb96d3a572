namespace OrganoidBiomarkers.Common;

/// <summary>
/// Bad input at the boundary: names the file, the line (1-based, 0 when not line-specific), what is wrong and how to
/// fix it. Message is one line so a failed run prints one clear sentence.
/// </summary>
public sealed class InputException : Exception
{
    public string File { get; }
    public int Line { get; }
    public string Problem { get; }
    public string Fix { get; }

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
