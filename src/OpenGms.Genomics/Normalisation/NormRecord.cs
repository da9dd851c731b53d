using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace OpenGms.Genomics.Normalisation;

/// <summary>
/// A VCF record opened up for editing (positions 1-based, as in VCF). Only records that normalisation changes
/// are parsed into this form; unchanged records are copied through as bytes.
/// </summary>
internal sealed class NormRecord
{
    public string Chrom { get; set; } = "";

    /// <summary>1-based position (VCF POS).</summary>
    public long Pos { get; set; }

    public string Id { get; set; } = ".";

    /// <summary>REF first, then the ALTs; a record with ALT '.' has just REF.</summary>
    public List<string> Alleles { get; set; } = [];

    public string Qual { get; set; } = ".";

    public string Filter { get; set; } = ".";

    /// <summary>INFO in file order; a null value is a flag.</summary>
    public List<KeyValuePair<string, string?>> Info { get; set; } = [];

    /// <summary>FORMAT keys, or null when the record has no FORMAT column.</summary>
    public string[]? Format { get; set; }

    /// <summary>
    /// Per sample, the value of each FORMAT key: exactly <see cref="Format"/>'s length (missing trailing values are
    /// filled with '.'; a sample with more values than keys stops parsing with NORM021).
    /// </summary>
    public List<string[]> Samples { get; set; } = [];

    /// <summary>The line number in the input (for messages).</summary>
    public long LineNumber { get; set; }

    public string Ref => Alleles[0];

    public int AltCount => Alleles.Count - 1;

    // Per-record general path: optimised from the first call (see VcfNormaliser.ProcessRecord).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NormRecord Parse(string line, long lineNumber)
    {
        string[] f = line.Split('\t');
        if (f.Length < 8)
        {
            throw new NormaliseException("NORM001", lineNumber, "fewer than 8 tab-separated columns");
        }

        var r = new NormRecord
        {
            Chrom = f[0],
            Id = f[2],
            Qual = f[5],
            Filter = f[6],
            LineNumber = lineNumber,
        };
        if (!long.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out long pos))
        {
            throw new NormaliseException("NORM002", lineNumber, $"POS '{f[1]}' is not a non-negative integer");
        }

        r.Pos = pos;
        r.Alleles.Add(f[3]);
        if (f[4] != ".")
        {
            r.Alleles.AddRange(f[4].Split(','));
        }

        if (f[7] != ".")
        {
            foreach (string item in f[7].Split(';'))
            {
                if (item.Length == 0)
                {
                    continue;
                }

                int eq = item.IndexOf('=', StringComparison.Ordinal);
                r.Info.Add(eq < 0 ? new(item, null) : new(item[..eq], item[(eq + 1)..]));
            }
        }

        if (f.Length > 8)
        {
            r.Format = f[8].Split(':');
            for (int s = 9; s < f.Length; s++)
            {
                string[] values = f[s].Split(':');
                if (values.Length > r.Format.Length)
                {
                    // htslib stops here too ("Incorrect number of FORMAT fields"): there is no key for the extra values.
                    throw new NormaliseException(
                        "NORM021",
                        lineNumber,
                        $"sample column {(s - 8).ToString(CultureInfo.InvariantCulture)} has {values.Length.ToString(CultureInfo.InvariantCulture)} fields but FORMAT has {r.Format.Length.ToString(CultureInfo.InvariantCulture)} keys ({f[8]})");
                }

                if (values.Length < r.Format.Length)
                {
                    string[] padded = new string[r.Format.Length];
                    values.CopyTo(padded, 0);
                    for (int k = values.Length; k < padded.Length; k++)
                    {
                        padded[k] = ".";
                    }

                    values = padded;
                }

                r.Samples.Add(values);
            }
        }

        return r;
    }

    public NormRecord Clone()
    {
        var c = (NormRecord)MemberwiseClone();
        c.Alleles = [.. Alleles];
        c.Info = [.. Info];
        c.Format = Format is null ? null : [.. Format];
        c.Samples = new List<string[]>(Samples.Count);
        foreach (string[] s in Samples)
        {
            c.Samples.Add([.. s]);
        }

        return c;
    }

    public string? GetInfo(string key)
    {
        foreach (KeyValuePair<string, string?> kv in Info)
        {
            if (kv.Key == key)
            {
                return kv.Value;
            }
        }

        return null;
    }

    public bool HasInfo(string key)
    {
        foreach (KeyValuePair<string, string?> kv in Info)
        {
            if (kv.Key == key)
            {
                return true;
            }
        }

        return false;
    }

    public void SetInfo(string key, string? value)
    {
        for (int i = 0; i < Info.Count; i++)
        {
            if (Info[i].Key == key)
            {
                Info[i] = new(key, value);
                return;
            }
        }

        Info.Add(new(key, value));
    }

    public int FormatIndex(string key)
    {
        if (Format is null)
        {
            return -1;
        }

        return Array.IndexOf(Format, key);
    }

    // Per-record general path: optimised from the first call (see VcfNormaliser.ProcessRecord).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendTo(StringBuilder sb)
    {
        sb.Append(Chrom).Append('\t')
          .Append(Pos.ToString(CultureInfo.InvariantCulture)).Append('\t')
          .Append(Id).Append('\t')
          .Append(Alleles[0]).Append('\t');
        if (Alleles.Count == 1)
        {
            sb.Append('.');
        }
        else
        {
            for (int i = 1; i < Alleles.Count; i++)
            {
                if (i > 1)
                {
                    sb.Append(',');
                }

                sb.Append(Alleles[i]);
            }
        }

        sb.Append('\t').Append(Qual).Append('\t').Append(Filter).Append('\t');
        if (Info.Count == 0)
        {
            sb.Append('.');
        }
        else
        {
            for (int i = 0; i < Info.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(';');
                }

                sb.Append(Info[i].Key);
                if (Info[i].Value is string v)
                {
                    // htslib writes an empty value as missing.
                    sb.Append('=').Append(v.Length == 0 ? "." : v);
                }
            }
        }

        if (Format is not null)
        {
            sb.Append('\t').AppendJoin(':', Format);
            foreach (string[] s in Samples)
            {
                int n = s.Length;
                sb.Append('\t');
                for (int k = 0; k < n; k++)
                {
                    if (k > 0)
                    {
                        sb.Append(':');
                    }

                    sb.Append(s[k]);
                }
            }
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        AppendTo(sb);
        return sb.ToString();
    }
}

/// <summary>A coded problem with the input that stops normalisation (a bad record, or <c>-c e</c> on a REF mismatch).</summary>
public sealed class NormaliseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NormaliseException(string code, long line, string message)
        : base($"line {line}: {message}")
    {
        Code = code;
        Line = line;
    }

    /// <summary>Creates the exception.</summary>
    public NormaliseException()
        : this("NORM000", 0, "normalisation failed")
    {
    }

    /// <summary>Creates the exception.</summary>
    public NormaliseException(string message)
        : this("NORM000", 0, message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public NormaliseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "NORM000";
    }

    /// <summary>The issue code (for example <c>NORM010</c>).</summary>
    public string Code { get; } = "NORM000";

    /// <summary>1-based input line, or 0 when not tied to a line.</summary>
    public long Line { get; }
}
