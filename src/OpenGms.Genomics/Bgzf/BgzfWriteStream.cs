using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

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
    private readonly BgzfBlockWritten? _onBlock;
    private byte[] _data;
    private readonly byte[] _block;
    private int _count;
    private long _address;
    private bool _disposed;

    // Parallel compression (null when one thread compresses): blocks are compressed by worker threads and written in
    // order by the thread that writes to this stream.
    private readonly BlockingCollection<Job>? _jobs;
    private readonly Thread[]? _workers;
    private readonly Queue<Job> _pending = new();
    private readonly Stack<Job> _free = new();
    private readonly int _maxPending;

    /// <summary>Creates a writer onto <paramref name="inner"/>.</summary>
    /// <param name="inner">The destination, written from its current position.</param>
    /// <param name="leaveOpen">When true, disposing the writer leaves <paramref name="inner"/> open.</param>
    /// <param name="level">Deflate level, 1 (fast) to 9 (small); 6 is bgzip's default.</param>
    /// <param name="parallelism">
    /// Threads compressing blocks: 1 compresses on the writing thread, 0 means the processor count. The bytes written
    /// are the same for every value (blocks are cut at the same places and written in order).
    /// </param>
    /// <param name="onBlock">Called, on the writing thread and in file order, after each data block is written (to build an index as the file is written).</param>
    public BgzfWriteStream(Stream inner, bool leaveOpen = false, int level = 6, int parallelism = 1, BgzfBlockWritten? onBlock = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 9);
        ArgumentOutOfRangeException.ThrowIfNegative(parallelism);
        _inner = inner;
        _leaveOpen = leaveOpen;
        _level = level;
        _onBlock = onBlock;
        _data = ArrayPool<byte>.Shared.Rent(BlockDataSize);
        _block = ArrayPool<byte>.Shared.Rent(BgzfReadStream.MaxBlockSize);
        int threads = parallelism == 0 ? Environment.ProcessorCount : parallelism;
        if (threads > 1)
        {
            _jobs = new BlockingCollection<Job>();
            _maxPending = 4 * threads;
            _workers = new Thread[threads];
            for (int i = 0; i < threads; i++)
            {
                _workers[i] = new Thread(Compressor) { IsBackground = true, Name = "bgzf-compress-" + i };
                _workers[i].Start();
            }
        }
    }

    /// <summary>The virtual offset of the next byte to be written (with parallel compression, waits for the blocks in flight).</summary>
    public BgzfVirtualOffset VirtualOffset
    {
        get
        {
            WritePending(0);
            return new(_address, _count);
        }
    }

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

    /// <summary>Ends the current block (if it has data) so the next byte starts a new one.</summary>
    public void FlushBlock()
    {
        if (_count == 0)
        {
            return;
        }

        if (_jobs is null)
        {
            int total = CompressBlock(_data.AsSpan(0, _count), _block, _level);
            _inner.Write(_block, 0, total);
            _onBlock?.Invoke(_data.AsSpan(0, _count), _address, total);
            _address += total;
            _count = 0;
            return;
        }

        Job job = _free.Count > 0 ? _free.Pop() : new Job();
        job.Done.Reset();
        job.Failure = null;
        (job.Data, _data) = (_data, job.Data ?? ArrayPool<byte>.Shared.Rent(BlockDataSize));
        job.Count = _count;
        _count = 0;
        _pending.Enqueue(job);
        _jobs.Add(job);
        WritePending(_maxPending);
    }

    /// <summary>Writes compressed blocks in order until at most <paramref name="keep"/> are in flight (and any finished ones).</summary>
    private void WritePending(int keep)
    {
        while (_pending.Count > 0 && (_pending.Count > keep || _pending.Peek().Done.IsSet))
        {
            Job job = _pending.Dequeue();
            job.Done.Wait();
            job.Failure?.Throw();
            _inner.Write(job.Block, 0, job.Total);
            _onBlock?.Invoke(job.Data.AsSpan(0, job.Count), _address, job.Total);
            _address += job.Total;
            _free.Push(job);
        }
    }

    private void Compressor()
    {
        foreach (Job job in _jobs!.GetConsumingEnumerable())
        {
            try
            {
                job.Total = CompressBlock(job.Data.AsSpan(0, job.Count), job.Block, _level);
            }
            catch (Exception ex)
            {
                // Rethrown on the writing thread when the block's turn comes.
                job.Failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                job.Done.Set();
            }
        }
    }

    /// <summary>Compresses <paramref name="data"/> into one whole BGZF block in <paramref name="block"/>; returns its size.</summary>
    private static int CompressBlock(ReadOnlySpan<byte> data, byte[] block, int level)
    {
        // Invariant: a block (header 18 + payload + footer 8) never exceeds 64 KiB.
        int payload = Deflate.Compress(data, block.AsSpan(18, BgzfReadStream.MaxBlockSize - 26), level);
        if (payload == 0)
        {
            payload = WriteStored(data, block.AsSpan(18));
        }

        int total = 18 + payload + 8;
        Span<byte> b = block;
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
        BinaryPrimitives.WriteUInt32LittleEndian(b[(22 + payload)..], (uint)data.Length);
        return total;
    }

    /// <summary>Writes the current block and every block in flight, then flushes the destination.</summary>
    public override void Flush()
    {
        FlushBlock();
        WritePending(0);
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
            try
            {
                FlushBlock();
                WritePending(0);
                _inner.Write(s_eofBlock);
                _inner.Flush();
            }
            finally
            {
                _disposed = true;
                if (_jobs is not null)
                {
                    _jobs.CompleteAdding();
                    foreach (Thread t in _workers!)
                    {
                        t.Join();
                    }

                    _jobs.Dispose();
                    foreach (Job job in _pending.Concat(_free))
                    {
                        ArrayPool<byte>.Shared.Return(job.Data);
                    }
                }

                ArrayPool<byte>.Shared.Return(_data);
                ArrayPool<byte>.Shared.Return(_block);
            }

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

    /// <summary>One block handed to a compressing thread.</summary>
    private sealed class Job
    {
        public byte[] Data { get; set; } = null!;

        public int Count { get; set; }

        public byte[] Block { get; } = new byte[BgzfReadStream.MaxBlockSize];

        public int Total { get; set; }

        public ManualResetEventSlim Done { get; } = new(false);

        public ExceptionDispatchInfo? Failure { get; set; }
    }
}

/// <summary>Called after a BGZF block is written: its uncompressed <paramref name="data"/>, where it starts in the file and its compressed size.</summary>
public delegate void BgzfBlockWritten(ReadOnlySpan<byte> data, long address, int compressedSize);
