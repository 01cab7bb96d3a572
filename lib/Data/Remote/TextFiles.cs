using System.IO.Compression;
using System.Text;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data.Remote;

/// <summary>
/// Opens origin files as text, gunzipping by content (the gzip magic bytes 1f 8b), not by name: downloads are checked
/// while they still carry their temporary name, and a server may serve a gzip file under any name.
/// </summary>
public static class TextFiles
{
    /// <summary>A UTF-8 reader over the file (a byte-order mark is honoured), decompressed when it starts with the gzip magic bytes.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InputException">The file does not exist.</exception>
    public static TextReader Open(string path)
    {
        if (!File.Exists(path)) throw new InputException(path, 0, "file does not exist", "check the path");
        Stream stream = File.OpenRead(path);
        if (IsGzip(stream)) stream = new GZipStream(stream, CompressionMode.Decompress);
        return new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    /// <summary>A delimited table (strict, as <see cref="DelimitedFile"/>), gunzipped by content.</summary>
    /// <param name="path">The file, plain or gzip.</param>
    /// <param name="separator">The field separator.</param>
    /// <param name="options">Parsing options (default: unquoted).</param>
    /// <exception cref="InputException">The file is missing or malformed, or the gzip stream is broken.</exception>
    public static DelimitedTable ReadTable(string path, char separator, DelimitedOptions? options = null)
    {
        using var reader = Open(path);
        try
        {
            return DelimitedFile.Parse(reader, path, separator, options ?? new DelimitedOptions());
        }
        catch (InvalidDataException e)
        {
            throw new InputException(path, 0, $"not a valid gzip stream ({e.Message})", "re-download the file");
        }
    }

    /// <summary>True when the stream starts with the gzip magic bytes; the position is restored.</summary>
    /// <param name="stream">A seekable stream.</param>
    public static bool IsGzip(Stream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        long at = stream.Position;
        int n = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = at;
        return n == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }
}
