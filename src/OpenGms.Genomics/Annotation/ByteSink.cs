using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace OpenGms.Genomics.Annotation;

/// <summary>
/// A growable byte buffer for the annotation writers. Unlike <see cref="ArrayBufferWriter{T}"/> reached through
/// <see cref="IBufferWriter{T}"/>, its small writes are direct calls with an inlined capacity check: the CSQ writer
/// makes a few dozen per record, and interface dispatch with a resize check per call showed in the profile.
/// It still implements <see cref="IBufferWriter{T}"/> for the JSON writer.
/// </summary>
internal sealed class ByteSink : IBufferWriter<byte>
{
    private byte[] _buffer;
    private int _length;

    public ByteSink(int capacity) => _buffer = new byte[capacity];

    /// <summary>The bytes written since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>Number of bytes written.</summary>
    public int WrittenCount => _length;

    /// <summary>Forgets what was written; the capacity stays.</summary>
    public void Clear() => _length = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(byte value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _length))
        {
            ThrowAdvancePastEnd(count);
        }

        _length += count;
    }

    [DoesNotReturn]
    private static void ThrowAdvancePastEnd(int count) =>
        throw new ArgumentOutOfRangeException(nameof(count), count, "Advanced past the end of the buffer.");

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_length);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Reserve(int sizeHint)
    {
        int need = Math.Max(sizeHint, 1);
        if (need > _buffer.Length - _length)
        {
            Grow(need);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int need)
    {
        // Invariant: after growing, at least `need` bytes are free.
        int size = Math.Max(_buffer.Length * 2, _length + need);
        Array.Resize(ref _buffer, size);
    }
}
