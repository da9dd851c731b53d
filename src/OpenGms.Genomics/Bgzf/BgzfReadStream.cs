using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace OpenGms.Genomics.Bgzf;

/// <summary>
/// Reads a BGZF file as one uncompressed stream. Blocks are read and inflated in batches on background threads
/// (spread over the machine's cores) while the caller consumes the previous batch. Supports seeking to a
/// <see cref="BgzfVirtualOffset"/> and reports the virtual offset of the next byte to be read.
/// </summary>
/// <remarks>Not thread-safe: one consumer. Corrupt data throws <see cref="InvalidDataException"/> naming the block address.</remarks>
public sealed class BgzfReadStream : Stream
{
    /// <summary>The largest uncompressed (and compressed) size of one BGZF block.</summary>
    public const int MaxBlockSize = 65536;

    private const int HeaderSize = 18;
    private const int FooterSize = 8;

    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private readonly int _parallelism;
    private readonly int _batchBlocks;
    private Batch? _current;
    private Batch? _spare;
    private Task<Batch>? _pending;
    private int _block;
    private int _offset;
    private long _nextAddress;
    private bool _endOfFile;
    private bool _disposed;

    /// <summary>Creates a reader over <paramref name="inner"/>, positioned at its current position (a block start).</summary>
    /// <param name="inner">The compressed stream. It must be seekable for <see cref="Seek(BgzfVirtualOffset)"/>.</param>
    /// <param name="leaveOpen">When true, disposing the reader leaves <paramref name="inner"/> open.</param>
    /// <param name="parallelism">Threads inflating blocks; 0 means the processor count.</param>
    public BgzfReadStream(Stream inner, bool leaveOpen = false, int parallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegative(parallelism);
        _inner = inner;
        _leaveOpen = leaveOpen;
        _parallelism = parallelism == 0 ? Environment.ProcessorCount : parallelism;
        _batchBlocks = Math.Max(8, _parallelism * 8);
        _nextAddress = inner.CanSeek ? inner.Position : 0;
    }

    /// <summary>The virtual offset of the next byte <see cref="Read(Span{byte})"/> will return.</summary>
    public BgzfVirtualOffset VirtualOffset
    {
        get
        {
            if (_current is null || _block >= _current.Count)
            {
                return new BgzfVirtualOffset(_current?.EndAddress ?? _nextAddress, 0);
            }

            if (_offset >= _current.OutputLength[_block])
            {
                long next = _block + 1 < _current.Count ? _current.Address[_block + 1] : _current.EndAddress;
                return new BgzfVirtualOffset(next, 0);
            }

            return new BgzfVirtualOffset(_current.Address[_block], _offset);
        }
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException("A BGZF stream has no uncompressed length.");

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException("Use VirtualOffset.");
        set => throw new NotSupportedException("Use Seek(BgzfVirtualOffset).");
    }

    /// <summary>Tells how <paramref name="path"/> is stored by reading its first bytes.</summary>
    public static CompressionFormat Detect(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
        Span<byte> head = stackalloc byte[HeaderSize];
        int n = file.ReadAtLeast(head, HeaderSize, throwOnEndOfStream: false);
        return Detect(head[..n]);
    }

    /// <summary>Tells how data beginning with <paramref name="head"/> (at least 16 bytes when available) is stored.</summary>
    public static CompressionFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length < 2 || head[0] != 0x1f || head[1] != 0x8b)
        {
            return CompressionFormat.Plain;
        }

        // BGZF: FLG.FEXTRA set and the first extra subfield is 'BC' with length 2.
        return head.Length >= 16 && (head[3] & 4) != 0 && head[12] == (byte)'B' && head[13] == (byte)'C' && head[14] == 2 && head[15] == 0
            ? CompressionFormat.Bgzf
            : CompressionFormat.Gzip;
    }

    /// <summary>Opens <paramref name="path"/> as an uncompressed stream whatever its storage (plain, gzip or BGZF).</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">How the file is stored.</param>
    /// <param name="parallelism">Threads inflating BGZF blocks; 0 means the processor count.</param>
    public static Stream OpenRead(string path, out CompressionFormat format, int parallelism = 0)
    {
        format = Detect(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return format switch
        {
            CompressionFormat.Bgzf => new BgzfReadStream(file, leaveOpen: false, parallelism),
            CompressionFormat.Gzip => new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16),
            _ => file,
        };
    }

    /// <summary>Moves to <paramref name="offset"/>; the next read starts there.</summary>
    public void Seek(BgzfVirtualOffset offset)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_inner.CanSeek)
        {
            throw new NotSupportedException("The underlying stream cannot seek.");
        }

        // Fast path: the target lies in the batch already inflated.
        if (_current is not null)
        {
            for (int i = 0; i < _current.Count; i++)
            {
                if (_current.Address[i] == offset.BlockAddress && offset.BlockOffset <= _current.OutputLength[i])
                {
                    _block = i;
                    _offset = offset.BlockOffset;
                    return;
                }
            }
        }

        DrainPending();
        _inner.Position = offset.BlockAddress;
        _nextAddress = offset.BlockAddress;
        _endOfFile = false;
        Recycle(_current);
        _current = null;
        // After a seek read a small batch first: region queries often need only a block or two.
        _current = LoadBatch(RentBatch(), maxBlocks: 2);
        _block = 0;
        _offset = offset.BlockOffset;
        if (_current.Count > 0 && _offset > _current.OutputLength[0])
        {
            throw new InvalidDataException($"Virtual offset {offset} lies beyond its block's {_current.OutputLength[0]} bytes.");
        }
    }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int total = 0;
        while (buffer.Length > 0)
        {
            if (!EnsureData())
            {
                break;
            }

            Batch batch = _current!;
            int available = batch.OutputLength[_block] - _offset;
            int n = Math.Min(available, buffer.Length);
            batch.Output[_block].AsSpan(_offset, n).CopyTo(buffer);
            _offset += n;
            buffer = buffer[n..];
            total += n;
        }

        return total;
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("Use Seek(BgzfVirtualOffset).");

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!_disposed && disposing)
        {
            _disposed = true;
            DrainPending();
            _current?.Dispose();
            _spare?.Dispose();
            if (!_leaveOpen)
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private bool EnsureData()
    {
        while (true)
        {
            if (_current is not null && _block < _current.Count)
            {
                if (_offset < _current.OutputLength[_block])
                {
                    return true;
                }

                _block++;
                _offset = 0;
                continue;
            }

            if (_current is not null && _current.EndOfFile && _pending is null)
            {
                _endOfFile = true;
            }

            if (_endOfFile && _pending is null)
            {
                return false;
            }

            Batch next;
            if (_pending is not null)
            {
                next = _pending.GetAwaiter().GetResult();
                _pending = null;
            }
            else
            {
                next = LoadBatch(RentBatch(), _batchBlocks);
            }

            Recycle(_current);
            _current = next;
            _block = 0;
            _offset = 0;
            if (next.EndOfFile)
            {
                _endOfFile = true;
            }
            else
            {
                // Read ahead: the next batch inflates while the caller works through this one.
                Batch spare = RentBatch();
                _pending = Task.Run(() => LoadBatch(spare, _batchBlocks));
            }

            if (next.Count == 0)
            {
                return false;
            }
        }
    }

    private Batch RentBatch()
    {
        Batch? b = _spare;
        _spare = null;
        return b ?? new Batch(_batchBlocks);
    }

    private void Recycle(Batch? batch)
    {
        if (batch is null)
        {
            return;
        }

        if (_spare is null)
        {
            _spare = batch;
        }
        else
        {
            batch.Dispose();
        }
    }

    private void DrainPending()
    {
        if (_pending is null)
        {
            return;
        }

        try
        {
            Recycle(_pending.GetAwaiter().GetResult());
        }
        catch (InvalidDataException)
        {
            // The read-ahead is being discarded; its error belongs to data nobody asked for.
        }

        _pending = null;
    }

    /// <summary>Reads up to <paramref name="maxBlocks"/> blocks from the current position and inflates them in parallel.</summary>
    private Batch LoadBatch(Batch batch, int maxBlocks)
    {
        batch.Count = 0;
        batch.EndOfFile = false;
        int used = 0;
        long address = _nextAddress;
        Span<byte> header = stackalloc byte[HeaderSize];
        while (batch.Count < maxBlocks && batch.Count < batch.Capacity)
        {
            int n = _inner.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false);
            if (n == 0)
            {
                batch.EndOfFile = true;
                break;
            }

            if (n < HeaderSize)
            {
                throw new InvalidDataException($"BGZF block at byte {address} is truncated.");
            }

            if (header[0] != 0x1f || header[1] != 0x8b || header[2] != 8 || (header[3] & 4) == 0)
            {
                throw new InvalidDataException($"Byte {address} does not start a BGZF block (bad gzip magic or no extra field).");
            }

            int xlen = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
            if (xlen != 6 || header[12] != (byte)'B' || header[13] != (byte)'C')
            {
                // Rare layouts (more extra subfields) take the slow path.
                used = ReadBlockSlow(batch, header, xlen, ref address, used);
                continue;
            }

            int blockSize = BinaryPrimitives.ReadUInt16LittleEndian(header[16..]) + 1;
            int rest = blockSize - HeaderSize;
            if (rest < FooterSize)
            {
                throw new InvalidDataException($"BGZF block at byte {address} has an impossible size {blockSize}.");
            }

            int i = batch.Count;
            if (_inner.ReadAtLeast(batch.Compressed.AsSpan(used, rest), rest, throwOnEndOfStream: false) < rest)
            {
                throw new InvalidDataException($"BGZF block at byte {address} is truncated.");
            }

            batch.Address[i] = address;
            batch.PayloadOffset[i] = used;
            batch.PayloadLength[i] = rest - FooterSize;
            used += rest;
            address += blockSize;
            batch.Count++;
        }

        _nextAddress = address;
        batch.EndAddress = address;
        Inflate(batch);
        return batch;
    }

    private int ReadBlockSlow(Batch batch, ReadOnlySpan<byte> header, int xlen, ref long address, int used)
    {
        // The extra field holds other subfields too: find BC wherever it is.
        byte[] extra = new byte[Math.Max(xlen, HeaderSize - 12)];
        int have = Math.Min(xlen, HeaderSize - 12);
        header.Slice(12, have).CopyTo(extra);
        if (xlen > have && _inner.ReadAtLeast(extra.AsSpan(have, xlen - have), xlen - have, throwOnEndOfStream: false) < xlen - have)
        {
            throw new InvalidDataException($"BGZF block at byte {address} is truncated.");
        }

        int blockSize = -1;
        for (int p = 0; p + 4 <= xlen;)
        {
            int slen = BinaryPrimitives.ReadUInt16LittleEndian(extra.AsSpan(p + 2));
            if (extra[p] == (byte)'B' && extra[p + 1] == (byte)'C' && slen == 2 && p + 6 <= xlen)
            {
                blockSize = BinaryPrimitives.ReadUInt16LittleEndian(extra.AsSpan(p + 4)) + 1;
            }

            p += 4 + slen;
        }

        if (blockSize < 0)
        {
            throw new InvalidDataException($"gzip member at byte {address} has no BGZF 'BC' field: the file is gzip, not BGZF.");
        }

        // Header bytes already read past a short extra field belong to the payload.
        int alreadyRead = Math.Max(0, HeaderSize - 12 - xlen);
        int rest = blockSize - 12 - xlen;
        if (rest < FooterSize)
        {
            throw new InvalidDataException($"BGZF block at byte {address} has an impossible size {blockSize}.");
        }

        header.Slice(12 + xlen, alreadyRead).CopyTo(batch.Compressed.AsSpan(used));
        int toRead = rest - alreadyRead;
        if (_inner.ReadAtLeast(batch.Compressed.AsSpan(used + alreadyRead, toRead), toRead, throwOnEndOfStream: false) < toRead)
        {
            throw new InvalidDataException($"BGZF block at byte {address} is truncated.");
        }

        int i = batch.Count;
        batch.Address[i] = address;
        batch.PayloadOffset[i] = used;
        batch.PayloadLength[i] = rest - FooterSize;
        batch.Count++;
        address += blockSize;
        return used + rest;
    }

    private void Inflate(Batch batch)
    {
        if (batch.Count <= 1 || _parallelism == 1)
        {
            for (int i = 0; i < batch.Count; i++)
            {
                batch.InflateBlock(i);
            }

            return;
        }

        try
        {
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = _parallelism }, batch.InflateBlock);
        }
        catch (AggregateException ex) when (ex.InnerException is InvalidDataException inner)
        {
            // Report the first corrupt block as the sequential path would.
            throw new InvalidDataException(inner.Message, ex);
        }
    }

    /// <summary>A run of blocks: compressed payloads in one pooled buffer, one pooled output buffer per block.</summary>
    private sealed class Batch : IDisposable
    {
        public Batch(int capacity)
        {
            Capacity = capacity;
            Compressed = ArrayPool<byte>.Shared.Rent(capacity * MaxBlockSize);
            Output = new byte[capacity][];
            for (int i = 0; i < capacity; i++)
            {
                Output[i] = ArrayPool<byte>.Shared.Rent(MaxBlockSize);
            }

            Address = new long[capacity];
            PayloadOffset = new int[capacity];
            PayloadLength = new int[capacity];
            OutputLength = new int[capacity];
        }

        public int Capacity { get; }

        public int Count { get; set; }

        public bool EndOfFile { get; set; }

        public long EndAddress { get; set; }

        public byte[] Compressed { get; }

        public byte[][] Output { get; }

        public long[] Address { get; }

        public int[] PayloadOffset { get; }

        public int[] PayloadLength { get; }

        public int[] OutputLength { get; }

        public void InflateBlock(int i)
        {
            int footer = PayloadOffset[i] + PayloadLength[i];
            uint crc = BinaryPrimitives.ReadUInt32LittleEndian(Compressed.AsSpan(footer));
            int size = (int)BinaryPrimitives.ReadUInt32LittleEndian(Compressed.AsSpan(footer + 4));
            if (size > MaxBlockSize)
            {
                throw new InvalidDataException($"BGZF block at byte {Address[i]} claims {size} uncompressed bytes (more than a block holds).");
            }

            if (!Deflate.TryInflate(Compressed, PayloadOffset[i], PayloadLength[i], Output[i], out int written) || written != size)
            {
                throw new InvalidDataException($"BGZF block at byte {Address[i]} is corrupt (deflate data does not inflate to its stated size).");
            }

            if (Deflate.Crc32(0, Output[i].AsSpan(0, written)) != crc)
            {
                throw new InvalidDataException($"BGZF block at byte {Address[i]} fails its CRC-32 check.");
            }

            OutputLength[i] = written;
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(Compressed);
            foreach (byte[] o in Output)
            {
                ArrayPool<byte>.Shared.Return(o);
            }
        }
    }
}
