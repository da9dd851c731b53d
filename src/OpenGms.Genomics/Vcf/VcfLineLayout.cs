using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OpenGms.Genomics.Vcf;

/// <summary>
/// Where the columns of the current line start. The nine fixed columns are found when the line is read and the
/// sample columns are counted with one vectorised pass; each sample's offset is found only when a sample is first
/// asked for, so a reader that never looks at samples never walks them.
/// </summary>
internal sealed class VcfLineLayout
{
    private int[] _sampleStarts = new int[16];
    private int _sampleCount;
    private bool _sampleStartsValid;

    /// <summary>Start offsets of columns 0..9; the entry after the last column found is line length + 1.</summary>
    public int[] Starts { get; } = new int[11];

    /// <summary>Number of tab-separated columns.</summary>
    public int ColumnCount { get; private set; }

    /// <summary>Integers <see cref="SaveTo"/> writes: the 11 column starts, the column count and the sample count.</summary>
    public const int SavedLength = 13;

    /// <summary>Locates the columns of <paramref name="line"/>; returns the number of columns.</summary>
    /// <remarks>
    /// One pass over the line: 32 bytes at a time are compared with a tab, and the first nine tabs are read off the
    /// bit mask; the rest of the line is only counted.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Split(ReadOnlySpan<byte> line)
    {
        _sampleStartsValid = false;
        int[] starts = Starts;
        starts[0] = 0;
        int k = 1;
        int pos = 0;
        ref byte first = ref MemoryMarshal.GetReference(line);
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<byte> tab = Vector256.Create((byte)'\t');
            while (pos <= line.Length - Vector256<byte>.Count)
            {
                uint mask = Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)pos), tab).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    starts[k++] = pos + BitOperations.TrailingZeroCount(mask) + 1;
                    mask &= mask - 1;
                    if (k == 10)
                    {
                        // The nine fixed columns are found: count the sample tabs left in this block and after it.
                        int rest = pos + Vector256<byte>.Count;
                        return Finish(line, starts, BitOperations.PopCount(mask) + line[rest..].Count((byte)'\t'));
                    }
                }

                pos += Vector256<byte>.Count;
            }
        }

        for (; pos < line.Length; pos++)
        {
            if (line[pos] == (byte)'\t')
            {
                starts[k++] = pos + 1;
                if (k == 10)
                {
                    return Finish(line, starts, line[(pos + 1)..].Count((byte)'\t'));
                }
            }
        }

        starts[k] = line.Length + 1;
        _sampleCount = 0;
        ColumnCount = k;
        return k;
    }

    private int Finish(ReadOnlySpan<byte> line, int[] starts, int sampleTabs)
    {
        starts[10] = line.Length + 1;
        _sampleCount = sampleTabs + 1;
        ColumnCount = 9 + _sampleCount;
        return ColumnCount;
    }

    /// <summary>Writes what <see cref="Split"/> found to <paramref name="destination"/> (<see cref="SavedLength"/> integers).</summary>
    public void SaveTo(Span<int> destination)
    {
        Starts.AsSpan().CopyTo(destination);
        destination[11] = ColumnCount;
        destination[12] = _sampleCount;
    }

    /// <summary>
    /// Takes the columns <see cref="SaveTo"/> wrote for the same line, so a line split once (on the reading thread)
    /// need not be split again where it is checked.
    /// </summary>
    public void RestoreFrom(ReadOnlySpan<int> saved)
    {
        saved[..11].CopyTo(Starts);
        ColumnCount = saved[11];
        _sampleCount = saved[12];
        _sampleStartsValid = false;
    }

    /// <summary>Number of sample columns on the line.</summary>
    public int SampleCount(ReadOnlySpan<byte> line) => _sampleCount;

    /// <summary>Start and end of sample <paramref name="sample"/>'s column, or (-1, -1) when the line has no such column.</summary>
    public (int Start, int End) SampleBounds(ReadOnlySpan<byte> line, int sample)
    {
        if ((uint)sample >= (uint)_sampleCount)
        {
            return (-1, -1);
        }

        if (_sampleCount == 1)
        {
            return (Starts[9], line.Length);
        }

        if (!_sampleStartsValid)
        {
            FindSampleStarts(line);
        }

        return (_sampleStarts[sample], _sampleStarts[sample + 1] - 1);
    }

    private void FindSampleStarts(ReadOnlySpan<byte> line)
    {
        int count = _sampleCount;
        if (_sampleStarts.Length < count + 1)
        {
            _sampleStarts = new int[Math.Max(count + 1, _sampleStarts.Length * 2)];
        }

        int[] s = _sampleStarts;
        int pos = Starts[9];
        s[0] = pos;
        for (int i = 1; i < count; i++)
        {
            pos += line[pos..].IndexOf((byte)'\t') + 1;
            s[i] = pos;
        }

        s[count] = line.Length + 1;
        _sampleStartsValid = true;
    }
}
