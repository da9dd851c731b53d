using System.Buffers;
using System.Collections.Concurrent;

namespace OpenGms.Genomics.Normalisation;

/// <summary>
/// A write-only stream that hands filled chunks to one background thread, which writes them to the inner stream.
/// Wrapped around a BGZF writer, compression runs on the second core while the caller keeps parsing; at most
/// <c>maxPending</c> chunks wait, so memory stays bounded. Errors on the background thread surface on the next
/// write, flush or dispose. Disposing drains the queue and disposes the inner stream.
/// </summary>
public sealed class BackgroundWriteStream : Stream
{
    // Small enough that compression starts soon after the first records (with 1 MiB chunks the second core idled
    // through the first ~0.2 s of a normalise run, while the parsing thread was still JIT-compiling); the queue
    // depth below keeps the same read-ahead in bytes.
    private const int ChunkSize = 1 << 17;
    private readonly Stream _inner;
    private readonly BlockingCollection<(byte[] Buffer, int Count)> _queue;
    private readonly Thread _thread;
    private byte[] _current;
    private int _count;
    private Exception? _failure;
    private bool _disposed;

    /// <summary>Starts the background writer onto <paramref name="inner"/>.</summary>
    public BackgroundWriteStream(Stream inner, int maxPending = 64)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _queue = new BlockingCollection<(byte[], int)>(maxPending);
        _current = ArrayPool<byte>.Shared.Rent(ChunkSize);
        _thread = new Thread(Drain) { IsBackground = true, Name = "gms-background-write" };
        _thread.Start();
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
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (buffer.Length > 0)
        {
            int n = Math.Min(buffer.Length, ChunkSize - _count);
            buffer[..n].CopyTo(_current.AsSpan(_count));
            _count += n;
            buffer = buffer[n..];
            if (_count == ChunkSize)
            {
                Enqueue();
            }
        }
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void WriteByte(byte value)
    {
        if (_count == ChunkSize)
        {
            Enqueue();
        }

        _current[_count++] = value;
    }

    /// <summary>Queues what has been written so far; the inner stream is flushed when the queue is drained on dispose.</summary>
    public override void Flush()
    {
        ThrowIfFailed();
        if (_count > 0)
        {
            Enqueue();
        }
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
        if (disposing && !_disposed)
        {
            try
            {
                if (_failure is null && _count > 0)
                {
                    Enqueue();
                }

                _queue.CompleteAdding();
                _thread.Join();
                ArrayPool<byte>.Shared.Return(_current);
                _disposed = true;
                if (_failure is null)
                {
                    _inner.Flush();
                }
            }
            finally
            {
                _inner.Dispose();
                _queue.Dispose();
            }

            ThrowIfFailed();
        }

        base.Dispose(disposing);
    }

    private void Enqueue()
    {
        ThrowIfFailed();
        _queue.Add((_current, _count));
        _current = ArrayPool<byte>.Shared.Rent(ChunkSize);
        _count = 0;
    }

    private void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw new IOException("Writing the output failed: " + _failure.Message, _failure);
        }
    }

    private void Drain()
    {
        foreach ((byte[] buffer, int count) in _queue.GetConsumingEnumerable())
        {
            try
            {
                if (_failure is null)
                {
                    _inner.Write(buffer, 0, count);
                }
            }
#pragma warning disable CA1031 // Any failure of the writer thread is handed back to the caller's thread.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _failure = ex;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
