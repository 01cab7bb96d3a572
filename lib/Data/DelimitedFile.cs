using System.IO.Compression;
using System.Text;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>One data row with its 1-based line number in the file (for error messages).</summary>
/// <param name="Line">1-based line where the row starts (a quoted field may span lines).</param>
/// <param name="Fields">The fields, as many as the header, untrimmed, quotes removed.</param>
public sealed record DelimitedRow(int Line, string[] Fields)
{
    /// <summary>Field <paramref name="i"/> (0-based column index, e.g. from <see cref="DelimitedTable.RequireColumns"/>).</summary>
    /// <param name="i">0 &lt;= i &lt; number of columns.</param>
    public string this[int i] => Fields[i];
}

/// <summary>How a delimited file is laid out.</summary>
public sealed record DelimitedOptions
{
    /// <summary>Lines after the header that are not data (TCGA biotabs repeat the header and add a CDE_ID line: 2).</summary>
    public int SkipAfterHeader { get; init; }
    /// <summary>RFC 4180 quoting (fields in double quotes may hold the separator, doubled quotes, and newlines).</summary>
    public bool Quoted { get; init; }
    /// <summary>Lines starting with this prefix before the header are skipped (e.g. '#' comments of gseapy outputs).</summary>
    public string? CommentPrefix { get; init; }
}

/// <summary>A parsed delimited file: header, rows, and the path for error messages.</summary>
public sealed class DelimitedTable
{
    /// <summary>The file read, as given (named in every error).</summary>
    public string Path { get; }

    /// <summary>Column names, as written.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Data rows in file order (header and skipped lines excluded).</summary>
    public IReadOnlyList<DelimitedRow> Rows { get; }

    internal DelimitedTable(string path, IReadOnlyList<string> header, IReadOnlyList<DelimitedRow> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
    }

    /// <summary>Column indices by name; a missing column is an error naming the file and the columns it has.</summary>
    /// <param name="names">Required header names (exact, case-sensitive); the first column of a repeated name is used.</param>
    /// <exception cref="InputException">A name is not in the header (line 1; lists the missing ones and the header).</exception>
    public IReadOnlyDictionary<string, int> RequireColumns(params string[] names)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var n in names)
        {
            int i = Header.ToList().IndexOf(n);
            if (i < 0) missing.Add(n); else map[n] = i;
        }
        if (missing.Count > 0)
            throw new InputException(Path, 1, $"missing column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}; the header has {string.Join(", ", Header.Take(12).Select(h => $"'{h}'"))}{(Header.Count > 12 ? ", ..." : "")}",
                "use the file named in data/manifest.tsv (is this the right file or an edited copy?)");
        return map;
    }

    /// <summary>The index of one required column.</summary>
    /// <param name="name">A header name (exact).</param>
    /// <exception cref="InputException">The column is missing.</exception>
    public int Column(string name) => RequireColumns(name)[name];
}

/// <summary>
/// Strict reader of tab- or comma-separated files (gzip-compressed when the name ends in .gz). Every row must have as
/// many fields as the header: a short last line (truncated file) or a stray separator is an error naming the line.
/// </summary>
public static class DelimitedFile
{
    /// <summary>Reads and checks a whole file (see <see cref="Parse"/> for the rules).</summary>
    /// <param name="path">The file; gzip-compressed when it ends in .gz.</param>
    /// <param name="separator">The expected separator, '\t' or ','.</param>
    /// <param name="options">Layout options; null for a plain header-then-rows file.</param>
    /// <exception cref="InputException">The file is missing, empty, not valid gzip, or malformed (names the line).</exception>
    public static DelimitedTable Read(string path, char separator, DelimitedOptions? options = null)
    {
        options ??= new DelimitedOptions();
        using var reader = Open(path);
        return Parse(reader, path, separator, options);
    }

    /// <summary>A UTF-8 reader of the file (byte-order mark honoured), decompressing a .gz through <see cref="CheckedGzipStream"/>.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InputException">The file does not exist.</exception>
    public static TextReader Open(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, 0, "file does not exist", "check the path, or resolve it through the data manifest");
        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) { stream.Dispose(); stream = new CheckedGzipStream(path); }
        return new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    /// <summary>
    /// Parses delimited text: comment lines (before the header only), the header, <see cref="DelimitedOptions.SkipAfterHeader"/>
    /// lines, then rows that must each have as many fields as the header; a blank line is allowed only at the very end.
    /// A one-column file that splits evenly at another common separator, or a row that does, is named as the wrong delimiter.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <param name="path">The file name used in messages.</param>
    /// <param name="separator">The expected separator.</param>
    /// <param name="options">Layout options.</param>
    /// <exception cref="InputException">An empty file or header, a blank line inside the data, a wrong field count, the
    /// wrong delimiter, an unclosed quote, missing extra header lines, or damaged gzip (names the line).</exception>
    public static DelimitedTable Parse(TextReader reader, string path, char separator, DelimitedOptions options)
    {
        int line = 0;
        string[]? header = null;
        var rows = new List<DelimitedRow>();
        int skip = options.SkipAfterHeader;
        try
        {
            while (NextRecord(reader, separator, options.Quoted, ref line, path) is { } rec)
            {
                var (startLine, fields, raw) = rec;
                if (header is null)
                {
                    if (options.CommentPrefix is not null && raw.StartsWith(options.CommentPrefix, StringComparison.Ordinal)) continue;
                    if (raw.Length == 0) throw new InputException(path, startLine, "the header line is empty", "remove leading blank lines");
                    header = fields;
                    continue;
                }
                if (skip > 0) { skip--; continue; }
                if (raw.Length == 0)
                {
                    // A blank line is allowed only at the very end of a file.
                    if (reader.Peek() < 0) break;
                    throw new InputException(path, startLine, "blank line inside the data", "remove the blank line (or the file was concatenated from pieces)");
                }
                if (header.Length == 1 && rows.Count == 0) CheckDelimiter(path, separator, header, raw, startLine);
                if (fields.Length != header.Length && Evident(raw, separator, header.Length) is char other)
                    throw new InputException(path, startLine, $"this line is {Name(other)}-separated where the file is {Name(separator)}-separated ({header.Length} fields)",
                        $"restore the original file, or save the whole file {Name(separator)}-separated");
                if (fields.Length != header.Length)
                    throw new InputException(path, startLine,
                        $"{fields.Length} field(s) where the header has {header.Length}" + (reader.Peek() < 0 ? " (last line: is the file truncated?)" : ""),
                        "restore the original file; if it was edited, check separators on this line");
                rows.Add(new DelimitedRow(startLine, fields));
            }
        }
        catch (InvalidDataException e)
        {
            throw new InputException(path, line, $"not a valid gzip stream ({e.Message})", "re-download the file; it is truncated or not gzip");
        }
        if (header is null) throw new InputException(path, 0, "the file is empty", "restore the original file");
        if (header.Length == 1 && rows.Count == 0) CheckDelimiter(path, separator, header, null, 0);
        if (skip > 0) throw new InputException(path, line, $"expected {options.SkipAfterHeader} extra header line(s) after the header", "is this a TCGA biotab file with its 3 header rows?");
        return new DelimitedTable(path, header, rows);
    }

    /// <summary>Separators a delimited file may evidently use instead of the expected one.</summary>
    private static readonly char[] Candidates = ['\t', ',', ';', '|'];

    /// <summary>
    /// A header of one field whose text (and first data line) splits evenly at another common separator is a file
    /// saved with the wrong delimiter (e.g. comma-separated values in a .tsv): named as such instead of read as one column.
    /// </summary>
    private static void CheckDelimiter(string path, char separator, string[] header, string? firstRow, int rowLine)
    {
        foreach (var c in Candidates.Where(c => c != separator))
        {
            int k = header[0].Split(c).Length;
            if (k < 2 || (firstRow is not null && firstRow.Split(c).Length != k)) continue;
            throw new InputException(path, 1, $"the file is evidently {Name(c)}-separated ({k} fields per line at '{Printable(c)}'), not {Name(separator)}-separated as expected",
                $"save it {Name(separator)}-separated{(separator == '\t' ? ", or, where the tool reads .csv as comma-separated, name it .csv" : "")}");
        }
    }

    /// <summary>The other separator that splits <paramref name="raw"/> into exactly <paramref name="fields"/> fields, if any.</summary>
    private static char? Evident(string raw, char separator, int fields) =>
        fields < 2 ? null : Candidates.Where(c => c != separator && raw.Split(c).Length == fields).Select(c => (char?)c).FirstOrDefault();

    private static string Name(char c) => c switch { '\t' => "tab", ',' => "comma", ';' => "semicolon", '|' => "pipe", _ => $"'{c}'" };

    private static string Printable(char c) => c == '\t' ? "\\t" : c.ToString();

    private static (int Line, string[] Fields, string Raw)? NextRecord(TextReader reader, char sep, bool quoted, ref int line, string path)
    {
        string? first = reader.ReadLine();
        if (first is null) return null;
        line++;
        int start = line;
        if (!quoted || first.IndexOf('"') < 0) return (start, first.Split(sep), first);

        // RFC 4180: quoted fields may contain separators, doubled quotes and newlines.
        var fields = new List<string>();
        var field = new StringBuilder();
        var raw = new StringBuilder(first);
        string text = first;
        int i = 0;
        bool inQuotes = false;
        while (true)
        {
            if (i >= text.Length)
            {
                if (!inQuotes) { fields.Add(field.ToString()); break; }
                string? next = reader.ReadLine();
                if (next is null) throw new InputException(path, start, "a quoted field is not closed before the end of the file", "restore the original file (truncated?)");
                line++;
                field.Append('\n');
                raw.Append('\n').Append(next);
                text = next;
                i = 0;
                continue;
            }
            char c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                    inQuotes = false;
                }
                else field.Append(c);
                i++;
            }
            else if (c == '"' && field.Length == 0) { inQuotes = true; i++; }
            else if (c == sep) { fields.Add(field.ToString()); field.Clear(); i++; }
            else { field.Append(c); i++; }
        }
        return (start, fields.ToArray(), raw.ToString());
    }
}
