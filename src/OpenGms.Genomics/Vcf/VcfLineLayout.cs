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

    /// <summary>Locates the columns of <paramref name="line"/>; returns the number of columns.</summary>
    public int Split(ReadOnlySpan<byte> line)
    {
        _sampleStartsValid = false;
        int[] starts = Starts;
        starts[0] = 0;
        int k = 1;
        int pos = 0;
        while (k < 10)
        {
            int tab = line[pos..].IndexOf((byte)'\t');
            if (tab < 0)
            {
                break;
            }

            pos += tab + 1;
            starts[k++] = pos;
        }

        starts[k] = line.Length + 1;
        _sampleCount = k == 10 ? line[pos..].Count((byte)'\t') + 1 : 0;
        ColumnCount = k == 10 ? 9 + _sampleCount : k;
        return ColumnCount;
    }

    /// <summary>Number of values <see cref="Save"/> writes.</summary>
    public const int SavedLength = 13;

    /// <summary>Copies the layout of the line last split, so another thread can <see cref="Restore"/> it without splitting again.</summary>
    public void Save(Span<int> destination)
    {
        Starts.CopyTo(destination);
        destination[11] = ColumnCount;
        destination[12] = _sampleCount;
    }

    /// <summary>Takes the layout <see cref="Save"/> copied (of the same line).</summary>
    public void Restore(ReadOnlySpan<int> saved)
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
