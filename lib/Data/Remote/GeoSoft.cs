using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>One GEO sample of a family SOFT file.</summary>
/// <param name="Gsm">The GEO sample accession.</param>
/// <param name="Title">!Sample_title.</param>
/// <param name="Line">The 1-based line of its ^SAMPLE entity.</param>
/// <param name="Descriptions">Every <c>!Sample_description</c> value, in file order (a sample may have several).</param>
public sealed record GeoSample(string Gsm, string Title, IReadOnlyList<string> Descriptions, int Line);

/// <summary>
/// GEO family SOFT (<c>GSExxx_family.soft.gz</c>): entity blocks starting <c>^SAMPLE = GSM...</c>, attributes
/// <c>!Sample_title = ...</c>, <c>!Sample_description = ...</c> (several allowed). Only the samples' titles and
/// descriptions are read; other entities (^DATABASE, ^SERIES, ^PLATFORM) and data tables are skipped.
/// </summary>
public static class GeoSoft
{
    /// <summary>A quick format check: a SOFT entity (<c>^</c>) or attribute (<c>!</c>) line within the first 200 lines.</summary>
    /// <param name="path">The file, plain or gzip.</param>
    /// <exception cref="InputException">No such line (e.g. an HTML error page).</exception>
    public static void CheckFormat(string path)
    {
        using var reader = TextFiles.Open(path);
        for (int i = 1; i <= 200 && reader.ReadLine() is { } line; i++)
            if (line.StartsWith('^') || line.StartsWith('!')) return;
        throw new InputException(path, 1, "no SOFT entity ('^...') or attribute ('!...') line at the start", "use the GEO family SOFT file GSExxx_family.soft.gz");
    }

    /// <summary>Every ^SAMPLE entity with its title and descriptions, in file order.</summary>
    /// <param name="path">The family SOFT file, plain or gzip.</param>
    /// <exception cref="InputException">A sample without !Sample_title, no sample at all, a sample listed twice, or a
    /// broken gzip stream (names the line).</exception>
    public static IReadOnlyList<GeoSample> ReadSamples(string path)
    {
        var samples = new List<GeoSample>();
        string? gsm = null, title = null;
        var descriptions = new List<string>();
        int start = 0, lineNo = 0;
        void Flush()
        {
            if (gsm is null) return;
            if (title is null) throw new InputException(path, start, $"sample {gsm} has no !Sample_title", "re-download the SOFT file (truncated?)");
            samples.Add(new GeoSample(gsm, title, descriptions.ToList(), start));
            gsm = null;
            title = null;
            descriptions.Clear();
        }
        using var reader = TextFiles.Open(path);
        try
        {
            for (string? line; (line = reader.ReadLine()) is not null;)
            {
                lineNo++;
                if (line.StartsWith('^'))
                {
                    Flush();
                    if (line.StartsWith("^SAMPLE", StringComparison.Ordinal)) { gsm = Value(line); start = lineNo; }
                    continue;
                }
                if (gsm is null) continue;
                if (line.StartsWith("!Sample_title", StringComparison.Ordinal)) title = Value(line);
                else if (line.StartsWith("!Sample_description", StringComparison.Ordinal)) descriptions.Add(Value(line));
            }
        }
        catch (InvalidDataException e)
        {
            throw new InputException(path, lineNo, $"not a valid gzip stream ({e.Message})", "re-download the SOFT file");
        }
        Flush();
        if (samples.Count == 0) throw new InputException(path, 0, "no ^SAMPLE entity", "use the series' family SOFT file (GSExxx_family.soft.gz)");
        var dup = samples.GroupBy(s => s.Gsm, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new InputException(path, dup.Last().Line, $"sample {dup.Key} appears twice", "re-download the SOFT file");
        return samples;
    }

    /// <summary>The value of "key = value" (everything after the first " = ").</summary>
    private static string Value(string line)
    {
        int eq = line.IndexOf(" = ", StringComparison.Ordinal);
        return eq < 0 ? "" : line[(eq + 3)..].Trim();
    }
}
