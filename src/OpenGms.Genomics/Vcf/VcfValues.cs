using System.Buffers.Text;

namespace OpenGms.Genomics.Vcf;

/// <summary>Parsing of VCF scalar values from UTF-8 bytes, and the sentinels used for missing values.</summary>
public static class VcfValues
{
    /// <summary>Stands for a missing (<c>.</c>) integer in typed results.</summary>
    public const int MissingInt32 = int.MinValue;

    /// <summary>True when <paramref name="value"/> is the missing value <c>.</c>.</summary>
    public static bool IsMissing(ReadOnlySpan<byte> value) => value.Length == 1 && value[0] == (byte)'.';

    /// <summary>Parses a whole span as a 32-bit integer (optional sign, digits only).</summary>
    public static bool TryParseInt32(ReadOnlySpan<byte> text, out int value) =>
        Utf8Parser.TryParse(text, out value, out int consumed) && consumed == text.Length && text.Length > 0 && text[^1] != (byte)'.';

    /// <summary>Parses a whole span as a 64-bit integer.</summary>
    public static bool TryParseInt64(ReadOnlySpan<byte> text, out long value) =>
        Utf8Parser.TryParse(text, out value, out int consumed) && consumed == text.Length && text.Length > 0;

    /// <summary>Parses a whole span as a float, accepting the VCF spellings of infinity and NaN.</summary>
    public static bool TryParseFloat(ReadOnlySpan<byte> text, out float value)
    {
        if (Utf8Parser.TryParse(text, out value, out int consumed) && consumed == text.Length && text.Length > 0)
        {
            return true;
        }

        // VCF 4.3 section 1.3: Inf, Infinity and NaN in any case, optionally signed.
        ReadOnlySpan<byte> t = text;
        bool negative = false;
        if (t.Length > 0 && (t[0] == (byte)'-' || t[0] == (byte)'+'))
        {
            negative = t[0] == (byte)'-';
            t = t[1..];
        }

        if (System.Text.Ascii.EqualsIgnoreCase(t, "inf"u8) || System.Text.Ascii.EqualsIgnoreCase(t, "infinity"u8))
        {
            value = negative ? float.NegativeInfinity : float.PositiveInfinity;
            return true;
        }

        if (System.Text.Ascii.EqualsIgnoreCase(t, "nan"u8))
        {
            value = float.NaN;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Number of comma-separated values in <paramref name="list"/> (1 for a non-empty value without commas, 0 when empty).</summary>
    public static int CountValues(ReadOnlySpan<byte> list) => list.IsEmpty ? 0 : list.Count((byte)',') + 1;

    /// <summary>
    /// Parses the comma-separated integers of <paramref name="list"/> into <paramref name="destination"/>, with
    /// <see cref="MissingInt32"/> for <c>.</c>. Returns how many values there are (which may exceed the destination's
    /// length; only those that fit are written), or -1 when one is not an integer.
    /// </summary>
    public static int ParseInt32List(ReadOnlySpan<byte> list, Span<int> destination)
    {
        int count = 0;
        foreach (ReadOnlySpan<byte> item in new VcfListEnumerator(list, (byte)','))
        {
            int v;
            if (IsMissing(item))
            {
                v = MissingInt32;
            }
            else if (!TryParseInt32(item, out v))
            {
                return -1;
            }

            if (count < destination.Length)
            {
                destination[count] = v;
            }

            count++;
        }

        return count;
    }

    /// <summary>Like <see cref="ParseInt32List"/> for floats, with NaN for missing values.</summary>
    public static int ParseFloatList(ReadOnlySpan<byte> list, Span<float> destination)
    {
        int count = 0;
        foreach (ReadOnlySpan<byte> item in new VcfListEnumerator(list, (byte)','))
        {
            float v;
            if (IsMissing(item))
            {
                v = float.NaN;
            }
            else if (!TryParseFloat(item, out v))
            {
                return -1;
            }

            if (count < destination.Length)
            {
                destination[count] = v;
            }

            count++;
        }

        return count;
    }
}

/// <summary>Enumerates the parts of a span separated by one byte (an empty span yields nothing).</summary>
public ref struct VcfListEnumerator
{
    private ReadOnlySpan<byte> _rest;
    private readonly byte _separator;
    private bool _done;

    /// <summary>Creates an enumerator over <paramref name="list"/> split at <paramref name="separator"/>.</summary>
    public VcfListEnumerator(ReadOnlySpan<byte> list, byte separator)
    {
        _rest = list;
        _separator = separator;
        _done = list.IsEmpty;
        Current = default;
    }

    /// <summary>The current part.</summary>
    public ReadOnlySpan<byte> Current { get; private set; }

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    public readonly VcfListEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next part.</summary>
    public bool MoveNext()
    {
        if (_done)
        {
            return false;
        }

        int i = _rest.IndexOf(_separator);
        if (i < 0)
        {
            Current = _rest;
            _done = true;
            return true;
        }

        Current = _rest[..i];
        _rest = _rest[(i + 1)..];
        return true;
    }
}
