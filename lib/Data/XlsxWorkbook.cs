using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>
/// Minimal reader of .xlsx worksheets (Office Open XML: a zip of XML parts), enough for the supplementary tables of the
/// studies: cell values as text, shared strings resolved, by column letter. No formulas are evaluated (cached values
/// are read), no styles.
/// </summary>
public static class XlsxWorkbook
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace Pkg = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>The worksheet names, in workbook order.</summary>
    /// <param name="path">The .xlsx file.</param>
    /// <exception cref="InputException">The file is missing, not a zip, or lacks xl/workbook.xml or has invalid XML.</exception>
    public static IReadOnlyList<string> SheetNames(string path) =>
        Open(path, zip => Load(path, zip, "xl/workbook.xml").Root!.Descendants(Main + "sheet").Select(s => (string)s.Attribute("name")!).ToList());

    /// <summary>Rows of one worksheet as column letter -> cell text, in sheet order.</summary>
    /// <param name="path">The .xlsx file.</param>
    /// <param name="sheetName">A worksheet name (exact).</param>
    /// <returns>One dictionary per &lt;row&gt; element (empty cells absent; rows absent from the sheet XML are not listed).</returns>
    /// <exception cref="InputException">No such worksheet (lists the names there are), or a missing or invalid part.</exception>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadSheet(string path, string sheetName) => Open(path, zip =>
    {
        var shared = zip.GetEntry("xl/sharedStrings.xml") is null ? [] :
            Load(path, zip, "xl/sharedStrings.xml").Root!.Elements(Main + "si").Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList();
        var sheet = Load(path, zip, "xl/workbook.xml").Root!.Descendants(Main + "sheet").FirstOrDefault(s => (string?)s.Attribute("name") == sheetName)
            ?? throw new InputException(path, 0, $"no worksheet '{sheetName}'", $"use one of: {string.Join(", ", SheetNames(path))}");
        string id = (string)sheet.Attribute(Rel + "id")!;
        string target = (string)Load(path, zip, "xl/_rels/workbook.xml.rels").Root!.Elements(Pkg + "Relationship").Single(r => (string?)r.Attribute("Id") == id).Attribute("Target")!;
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var row in Load(path, zip, "xl/" + target.TrimStart('/').Replace("xl/", "")).Root!.Descendants(Main + "row"))
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var c in row.Elements(Main + "c"))
            {
                string column = new(((string)c.Attribute("r")!).TakeWhile(char.IsLetter).ToArray());
                string? v = (string?)c.Element(Main + "v") ?? c.Element(Main + "is")?.Value;
                if (v is null) continue;
                cells[column] = (string?)c.Attribute("t") == "s" ? shared[int.Parse(v, CultureInfo.InvariantCulture)] : v;
            }
            rows.Add(cells);
        }
        return (IReadOnlyList<IReadOnlyDictionary<string, string>>)rows;
    });

    private static T Open<T>(string path, Func<ZipArchive, T> read)
    {
        if (!File.Exists(path)) throw new InputException(path, 0, "file does not exist", "check the path");
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return read(zip);
        }
        catch (InvalidDataException e)
        {
            throw new InputException(path, 0, $"not a valid xlsx (zip) file: {e.Message}", "restore the original file (truncated?)");
        }
    }

    private static XDocument Load(string path, ZipArchive zip, string part)
    {
        var entry = zip.GetEntry(part) ?? throw new InputException(path, 0, $"xlsx part '{part}' is missing", "restore the original file");
        try
        {
            using var s = entry.Open();
            return XDocument.Load(s);
        }
        catch (XmlException e)
        {
            throw new InputException(path, e.LineNumber, $"xlsx part '{part}' is not valid XML ({e.Message})", "restore the original file");
        }
    }
}
