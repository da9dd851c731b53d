using System.Buffers;
using System.Buffers.Binary;

namespace OpenGms.Genomics.Bgzf;

/// <summary>
/// Writes BGZF (SAM/BAM specification section 4.1): data is cut into blocks of at most <see cref="BlockDataSize"/>
/// bytes, each a gzip member with the 'BC' extra field, and disposing writes the 28-byte end-of-file block.
/// </summary>
public sealed class BgzfWriteStream : Stream
{
    /// <summary>Uncompressed bytes per block (htslib's choice, leaving room for incompressible data).</summary>
    public const int BlockDataSize = 0xFF00;

    private static readonly byte[] s_eofBlock =
    [
        0x1f, 0x8b, 0x08, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x06, 0x00, 0x42, 0x43, 0x02, 0x00,
        0x1b, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly int _level;
    private readonly byte[] _data;
    private readonly byte[] _block;
    private int _count;
    private long _address;
    private bool _disposed;

    /// <summary>Creates a writer onto <paramref name="inner"/>.</summary>
    /// <param name="inner">The destination, written from its current position.</param>
    /// <param name="leaveOpen">When true, disposing the writer leaves <paramref name="inner"/> open.</param>
    /// <param name="level">Deflate level, 1 (fast) to 9 (small); 6 is bgzip's default.</param>
    public BgzfWriteStream(Stream inner, bool leaveOpen = false, int level = 6)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 9);
        _inner = inner;
        _leaveOpen = leaveOpen;
        _level = level;
        _data = ArrayPool<byte>.Shared.Rent(BlockDataSize);
        _block = ArrayPool<byte>.Shared.Rent(BgzfReadStream.MaxBlockSize);
    }

    /// <summary>The virtual offset the next written byte will have.</summary>
    public BgzfVirtualOffset VirtualOffset => new(_address, _count);

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException("Use VirtualOffset.");
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (buffer.Length > 0)
        {
            int n = Math.Min(BlockDataSize - _count, buffer.Length);
            buffer[..n].CopyTo(_data.AsSpan(_count));
            _count += n;
            buffer = buffer[n..];
            if (_count == BlockDataSize)
            {
                FlushBlock();
            }
        }
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void WriteByte(byte value)
    {
        ReadOnlySpan<byte> one = [value];
        Write(one);
    }

    /// <summary>Ends the current block (if it holds data) so the next byte starts a new one.</summary>
    public void FlushBlock()
    {
        if (_count == 0)
        {
            return;
        }

        ReadOnlySpan<byte> data = _data.AsSpan(0, _count);
        // Invariant: a block (header 18 + payload + footer 8) never exceeds 64 KiB.
        int payload = Deflate.Compress(data, _block.AsSpan(18, BgzfReadStream.MaxBlockSize - 26), _level);
        if (payload == 0)
        {
            payload = WriteStored(data, _block.AsSpan(18));
        }

        int total = 18 + payload + 8;
        Span<byte> b = _block;
        b[0] = 0x1f;
        b[1] = 0x8b;
        b[2] = 8;
        b[3] = 4;
        b[4..8].Clear();
        b[8] = 0;
        b[9] = 0xff;
        BinaryPrimitives.WriteUInt16LittleEndian(b[10..], 6);
        b[12] = (byte)'B';
        b[13] = (byte)'C';
        BinaryPrimitives.WriteUInt16LittleEndian(b[14..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(b[16..], (ushort)(total - 1));
        BinaryPrimitives.WriteUInt32LittleEndian(b[(18 + payload)..], Deflate.Crc32(0, data));
        BinaryPrimitives.WriteUInt32LittleEndian(b[(22 + payload)..], (uint)_count);
        _inner.Write(_block, 0, total);
        _address += total;
        _count = 0;
    }

    /// <inheritdoc />
    public override void Flush()
    {
        FlushBlock();
        _inner.Flush();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!_disposed && disposing)
        {
            FlushBlock();
            _inner.Write(s_eofBlock);
            _inner.Flush();
            _disposed = true;
            ArrayPool<byte>.Shared.Return(_data);
            ArrayPool<byte>.Shared.Return(_block);
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>Writes <paramref name="data"/> as one stored (uncompressed) deflate block; returns its size.</summary>
    private static int WriteStored(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        destination[0] = 1; // BFINAL=1, BTYPE=00 (RFC 1951 section 3.2.4)
        BinaryPrimitives.WriteUInt16LittleEndian(destination[1..], (ushort)data.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[3..], (ushort)~data.Length);
        data.CopyTo(destination[5..]);
        return data.Length + 5;
    }
}
