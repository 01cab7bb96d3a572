using System.IO.Compression;
using System.Text;
using OrganoidBiomarkers.Common;
using OrganoidBiomarkers.Data;
using Xunit;

namespace OrganoidBiomarkers.Tests.Data;

/// <summary>
/// Faults a reader must name instead of reading a wrong answer: a gzip file cut short mid-stream (GZipStream alone
/// reads it as a shorter valid file), garbage named .gz, and a file whose delimiter is evidently not the expected one.
/// </summary>
public sealed class ReaderFaultTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("readers-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A genes x samples matrix of 3000 genes as text (random numbers compress poorly, so a cut lands mid-stream).</summary>
    private static string Matrix()
    {
        var rng = new Random(7);
        var sb = new StringBuilder("Hugo_Symbol\tEntrez_Gene_Id\tTCGA-AA-0001-01A\tTCGA-AA-0002-01A\n");
        for (int g = 0; g < 3000; g++) sb.Append($"G{g}\t{g}\t{rng.NextDouble():R}\t{rng.NextDouble():R}\n");
        return sb.ToString();
    }

    private string Gzip(string name, string text, Func<byte[], byte[]>? damage = null)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(Encoding.UTF8.GetBytes(text));
        var bytes = buffer.ToArray();
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, damage is null ? bytes : damage(bytes));
        return path;
    }

    [Fact]
    public void An_intact_gzip_file_reads_every_row()
    {
        var m = ExpressionTables.Read(Gzip("ok.txt.gz", Matrix()), ExpressionTableLayout.RnaseqDb, CountLog.Silent);
        Assert.Equal(3000, m.GeneCount);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void A_gzip_file_cut_short_mid_stream_is_an_error_naming_the_file(double keep)
    {
        var path = Gzip("cut.txt.gz", Matrix(), b => b[..(int)(b.Length * keep)]);
        // What .NET's own GZipStream does with it: ends early without a word (the silent wrong answer this guards against).
        using (var plain = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress)))
            Assert.True(plain.ReadToEnd().Split('\n').Length < 3001);
        var e = Assert.Throws<InputException>(() => ExpressionTables.Read(path, ExpressionTableLayout.RnaseqDb, CountLog.Silent));
        Assert.Contains("cut.txt.gz", e.Message);
        Assert.Contains("the gzip stream ends early", e.Message);
        Assert.Contains("Fix:", e.Message);
    }

    [Fact]
    public void A_gzip_file_without_its_trailer_is_an_error() =>
        Assert.Contains("ends early", Assert.Throws<InputException>(() =>
            ExpressionTables.Read(Gzip("notrailer.txt.gz", Matrix(), b => b[..^4]), ExpressionTableLayout.RnaseqDb, CountLog.Silent)).Message);

    [Fact]
    public void Garbage_named_gz_is_an_error_naming_the_file()
    {
        var path = Path.Combine(_dir, "garbage.txt.gz");
        File.WriteAllText(path, "this is not gzip\n");
        var e = Assert.Throws<InputException>(() => DelimitedFile.Read(path, '\t'));
        Assert.Contains("garbage.txt.gz", e.Message);
        Assert.Contains("not a valid gzip stream", e.Message);
    }

    [Fact]
    public void Concatenated_gzip_members_read_as_one_file()
    {
        var text = Matrix();
        int cut = text.IndexOf("G1500\t", StringComparison.Ordinal);
        var first = File.ReadAllBytes(Gzip("a.gz", text[..cut]));
        var second = File.ReadAllBytes(Gzip("b.gz", text[cut..]));
        var path = Path.Combine(_dir, "members.txt.gz");
        File.WriteAllBytes(path, [.. first, .. second]);
        Assert.Equal(3000, DelimitedFile.Read(path, '\t').Rows.Count);
    }

    [Fact]
    public void A_comma_separated_file_named_tsv_is_named_as_such()
    {
        var path = Path.Combine(_dir, "matrix.tsv");
        File.WriteAllText(path, "gene,s1,s2\nTP53,1.5,2.5\nKRAS,3.5,4.5\n");
        var e = Assert.Throws<InputException>(() => ExpressionTables.Read(path, new ExpressionTableLayout { IdColumn = "gene" }, CountLog.Silent));
        Assert.Contains("matrix.tsv", e.Message);
        Assert.Contains("evidently comma-separated (3 fields per line at ',')", e.Message);
        Assert.Contains("not tab-separated as expected", e.Message);
    }

    [Fact]
    public void A_tab_separated_file_named_csv_is_named_as_such()
    {
        var path = Path.Combine(_dir, "matrix.csv");
        File.WriteAllText(path, "gene\ts1\ts2\nTP53\t1.5\t2.5\n");
        Assert.Contains("evidently tab-separated", Assert.Throws<InputException>(() => DelimitedFile.Read(path, ',')).Message);
    }

    [Fact]
    public void A_line_with_another_delimiter_is_named_with_its_line()
    {
        var path = Path.Combine(_dir, "mixed.tsv");
        File.WriteAllText(path, "gene\ts1\ts2\nTP53\t1.5\t2.5\nKRAS,3.5,4.5\n");
        var e = Assert.Throws<InputException>(() => DelimitedFile.Read(path, '\t'));
        Assert.Contains("mixed.tsv:3", e.Message);
        Assert.Contains("this line is comma-separated", e.Message);
    }

    [Fact]
    public void A_single_column_file_is_still_read()
    {
        var path = Path.Combine(_dir, "genes.tsv");
        File.WriteAllText(path, "gene\nTP53\nKRAS\n");
        Assert.Equal(2, DelimitedFile.Read(path, '\t').Rows.Count);
    }
}
