using System.IO.Compression;
using System.Runtime.InteropServices;
using OrganoidBiomarkers.Common;

namespace OrganoidBiomarkers.Data;

/// <summary>
/// Decompresses a gzip file and refuses one that ends early. .NET's GZipStream returns end-of-stream when the
/// compressed bytes run out mid-member, so a download cut short reads as a shorter, valid-looking file. This stream
/// inflates with the system zlib (as `gzip -t` does): every member must reach its end and match its CRC-32 and length;
/// members may follow one another (bgzip). Where zlib cannot be loaded it falls back to GZipStream and checks the
/// last 8 bytes of the file (CRC-32 and length of the whole output), which holds for the usual single-member file.
/// Errors are <see cref="InputException"/>s naming the file.
/// </summary>
public sealed class CheckedGzipStream : Stream
{
    private readonly string _path;
    private readonly Stream _compressed;
    private readonly ZlibInflater? _zlib;
    private readonly GZipStream? _fallback;
    private uint _crc;
    private long _length;
    private bool _ended;

    /// <summary>Opens the file for checked decompression (system zlib when it loads, else GZipStream with a trailer check).</summary>
    /// <param name="path">A gzip file (one or more members).</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public CheckedGzipStream(string path)
    {
        _path = path;
        _compressed = File.OpenRead(path);
        try
        {
            _zlib = new ZlibInflater(_compressed, path);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _fallback = new GZipStream(_compressed, CompressionMode.Decompress, leaveOpen: true);
        }
    }

    /// <inheritdoc cref="Read(Span{byte})"/>
    /// <param name="buffer">Destination array.</param>
    /// <param name="offset">First position to fill.</param>
    /// <param name="count">Most bytes to read.</param>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Decompressed bytes; 0 only at the verified end of the last member.</summary>
    /// <param name="buffer">Destination.</param>
    /// <exception cref="InputException">The data are not gzip, are damaged, or end before a member's end (names the file).</exception>
    public override int Read(Span<byte> buffer)
    {
        if (_ended || buffer.Length == 0) return 0;
        int n;
        try
        {
            n = _zlib is not null ? _zlib.Read(buffer) : _fallback!.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new InputException(_path, 0, $"not a valid gzip stream ({e.Message})", "download the file again, or restore the original; it is damaged or not gzip");
        }
        if (n > 0)
        {
            if (_fallback is not null) _crc = Crc32.Append(_crc, buffer[..n]);
            _length += n;
            return n;
        }
        _ended = true;
        if (_fallback is not null) CheckTrailer();
        return 0;
    }

    private void CheckTrailer()
    {
        var trailer = new byte[8];
        _compressed.Seek(-8, SeekOrigin.End);
        _compressed.ReadExactly(trailer);
        uint crc = BitConverter.ToUInt32(trailer, 0), size = BitConverter.ToUInt32(trailer, 4);
        if (crc != _crc || size != (uint)_length)
            throw new InputException(_path, 0, $"the gzip stream ends early or is damaged: {_length:N0} bytes decompressed do not match the file's recorded length and checksum",
                "download the file again, or restore the original (the copy was cut short)");
    }

    /// <summary>True: the stream is read-only, forward-only.</summary>
    public override bool CanRead => true;
    /// <summary>False.</summary>
    public override bool CanSeek => false;
    /// <summary>False.</summary>
    public override bool CanWrite => false;
    /// <summary>Not supported (the decompressed length is known only at the end).</summary>
    public override long Length => throw new NotSupportedException();
    /// <summary>Decompressed bytes read so far; setting it is not supported.</summary>
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    /// <summary>Does nothing (read-only).</summary>
    public override void Flush() { }
    /// <summary>Not supported.</summary>
    /// <param name="offset">Unused.</param>
    /// <param name="origin">Unused.</param>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    /// <summary>Not supported.</summary>
    /// <param name="value">Unused.</param>
    public override void SetLength(long value) => throw new NotSupportedException();
    /// <summary>Not supported.</summary>
    /// <param name="buffer">Unused.</param>
    /// <param name="offset">Unused.</param>
    /// <param name="count">Unused.</param>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Releases the inflater and the file.</summary>
    /// <param name="disposing">True when called from Dispose().</param>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _zlib?.Dispose();
            _fallback?.Dispose();
            _compressed.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>
/// zlib's inflate in gzip mode, member after member, through P/Invoke (libz.so.1). The z_stream lives in unmanaged
/// memory (zlib remembers its address) and the buffers are pinned for the inflater's lifetime.
/// </summary>
internal sealed class ZlibInflater : IDisposable
{
    [StructLayout(LayoutKind.Sequential)]
    private struct ZStream
    {
        public IntPtr NextIn;
        public uint AvailIn;
        public nuint TotalIn;
        public IntPtr NextOut;
        public uint AvailOut;
        public nuint TotalOut;
        public IntPtr Msg;
        public IntPtr State;
        public IntPtr ZAlloc, ZFree, Opaque;
        public int DataType;
        public nuint Adler, Reserved;
    }

    private const int ZOk = 0, ZStreamEnd = 1, ZBufError = -5, ZNoFlush = 0, Chunk = 1 << 16;

    [DllImport("libz.so.1", EntryPoint = "inflateInit2_")]
    private static extern int InflateInit2(IntPtr strm, int windowBits, [MarshalAs(UnmanagedType.LPStr)] string version, int streamSize);

    [DllImport("libz.so.1", EntryPoint = "inflate")]
    private static extern int Inflate(IntPtr strm, int flush);

    [DllImport("libz.so.1", EntryPoint = "inflateReset")]
    private static extern int InflateReset(IntPtr strm);

    [DllImport("libz.so.1", EntryPoint = "inflateEnd")]
    private static extern int InflateEnd(IntPtr strm);

    private readonly Stream _source;
    private readonly string _path;
    private readonly byte[] _input = new byte[Chunk];
    private readonly byte[] _output = new byte[Chunk];
    private GCHandle _inputPin, _outputPin;
    private readonly IntPtr _strm;
    private int _inputOffset, _inputCount;
    private bool _inMember, _sourceDone, _disposed;

    public ZlibInflater(Stream source, string path)
    {
        _source = source;
        _path = path;
        _strm = Marshal.AllocHGlobal(Marshal.SizeOf<ZStream>());
        Marshal.StructureToPtr(new ZStream(), _strm, fDeleteOld: false);
        int rc;
        try
        {
            // windowBits 15 + 16: gzip wrapper; zlib checks each member's header and trailer (CRC-32, length).
            rc = InflateInit2(_strm, 15 + 16, "1.2.11", Marshal.SizeOf<ZStream>());
        }
        catch
        {
            Marshal.FreeHGlobal(_strm);
            throw;
        }
        if (rc != ZOk)
        {
            Marshal.FreeHGlobal(_strm);
            throw new DllNotFoundException($"zlib inflateInit2 returned {rc}");
        }
        _inputPin = GCHandle.Alloc(_input, GCHandleType.Pinned);
        _outputPin = GCHandle.Alloc(_output, GCHandleType.Pinned);
    }

    /// <summary>Fills <paramref name="buffer"/> with decompressed bytes; 0 only at the true end of the last member.</summary>
    public int Read(Span<byte> buffer)
    {
        while (true)
        {
            if (_inputCount == 0 && !_sourceDone)
            {
                _inputCount = _source.Read(_input, 0, _input.Length);
                _inputOffset = 0;
                if (_inputCount == 0) _sourceDone = true;
            }
            if (_inputCount == 0 && _sourceDone)
            {
                if (_inMember) throw Truncated();
                return 0;
            }
            if (!_inMember)
            {
                // Between members: another member must follow; zero padding at the very end is tolerated.
                if (!_input.AsSpan(_inputOffset, _inputCount).ContainsAnyExcept((byte)0)) { _inputCount = 0; continue; }
                _inMember = true;
            }
            int room = Math.Min(buffer.Length, Chunk);
            var z = Marshal.PtrToStructure<ZStream>(_strm);
            z.NextIn = _inputPin.AddrOfPinnedObject() + _inputOffset;
            z.AvailIn = (uint)_inputCount;
            z.NextOut = _outputPin.AddrOfPinnedObject();
            z.AvailOut = (uint)room;
            Marshal.StructureToPtr(z, _strm, fDeleteOld: false);
            int rc = Inflate(_strm, ZNoFlush);
            z = Marshal.PtrToStructure<ZStream>(_strm);
            int consumed = _inputCount - (int)z.AvailIn;
            _inputOffset += consumed;
            _inputCount -= consumed;
            int produced = room - (int)z.AvailOut;
            if (rc == ZStreamEnd)
            {
                _inMember = false;
                InflateReset(_strm);
            }
            else if (rc != ZOk && !(rc == ZBufError && produced == 0))
                throw new InvalidDataException(z.Msg != IntPtr.Zero ? Marshal.PtrToStringAnsi(z.Msg) : $"zlib error {rc}");
            if (produced > 0)
            {
                _output.AsSpan(0, produced).CopyTo(buffer);
                return produced;
            }
        }
    }

    private InputException Truncated() => new(_path, 0, "the gzip stream ends early: the file stops in the middle of compressed data",
        "download the file again, or restore the original (the copy was cut short)");

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        InflateEnd(_strm);
        Marshal.FreeHGlobal(_strm);
        _inputPin.Free();
        _outputPin.Free();
    }
}

/// <summary>CRC-32 (ISO-HDLC, as gzip's trailer), for the fallback check.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        uint c = (uint)n;
        for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        uint c = ~crc;
        foreach (var b in data) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        return ~c;
    }
}
