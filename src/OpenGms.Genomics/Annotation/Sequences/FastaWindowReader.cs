using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace OpenGms.Genomics.Annotation.Sequences;

/// <summary>
/// Streams a FASTA file (plain, gzip or BGZF) once and keeps only the requested windows of each sequence, so a
/// whole genome can be cut down to exon windows without holding it in memory. The name of a record is its header
/// up to the first white space.
/// </summary>
public static class FastaWindowReader
{
    /// <summary>Reads every sequence in full.</summary>
    /// <param name="path">FASTA path.</param>
    /// <returns>The sequences.</returns>
    public static WindowedSequence ReadAll(string path) => Read(path, null, out _);

    /// <summary>Reads the requested windows of each sequence.</summary>
    /// <param name="path">FASTA path.</param>
    /// <param name="windows">Per sequence name, sorted non-overlapping 1-based closed windows; null reads everything.</param>
    /// <param name="lengths">Receives the length of every sequence in the file.</param>
    /// <returns>The windows found (a window running past the end of its sequence is cut short).</returns>
    public static WindowedSequence Read(string path, IReadOnlyDictionary<string, List<(int Start, int End)>>? windows, out Dictionary<string, long> lengths)
    {
        var result = new WindowedSequence();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        lengths = seen;
        using FileStream file = File.OpenRead(path);
        var buffered = new BufferedStream(file, 1 << 16);
        int b0 = buffered.ReadByte();
        int b1 = buffered.ReadByte();
        buffered.Seek(0, SeekOrigin.Begin);
        using Stream input = b0 == 0x1f && b1 == 0x8b ? new GZipStream(buffered, CompressionMode.Decompress) : buffered;

        string? name = null;
        long position = 0; // bases of the current record seen so far
        List<(int Start, int End)>? wanted = null;
        int windowIndex = 0;
        var bases = new MemoryStream();
        var starts = new List<int>();
        var lens = new List<int>();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            bool atLineStart = true;
            bool inHeader = false;
            var header = new List<byte>();
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                for (int i = 0; i < read; i++)
                {
                    byte b = buffer[i];
                    if (inHeader)
                    {
                        if (b == (byte)'\n')
                        {
                            inHeader = false;
                            atLineStart = true;
                            string full = Encoding.UTF8.GetString(header.ToArray()).TrimEnd('\r');
                            int space = full.IndexOfAny([' ', '\t']);
                            name = space < 0 ? full : full[..space];
                            position = 0;
                            windowIndex = 0;
                            wanted = null;
                            if (windows is null)
                            {
                                wanted = [(1, int.MaxValue)];
                            }
                            else if (windows.TryGetValue(name, out List<(int Start, int End)>? w))
                            {
                                wanted = w;
                            }

                            bases.SetLength(0);
                            starts.Clear();
                            lens.Clear();
                        }
                        else
                        {
                            header.Add(b);
                        }

                        continue;
                    }

                    if (atLineStart && b == (byte)'>')
                    {
                        Flush();
                        inHeader = true;
                        header.Clear();
                        continue;
                    }

                    atLineStart = b == (byte)'\n';
                    if (b <= (byte)' ')
                    {
                        continue;
                    }

                    position++;
                    if (wanted is null)
                    {
                        continue;
                    }

                    while (windowIndex < wanted.Count && wanted[windowIndex].End < position)
                    {
                        windowIndex++;
                    }

                    if (windowIndex < wanted.Count && wanted[windowIndex].Start <= position)
                    {
                        if (starts.Count == 0 || starts[^1] + lens[^1] != position || lens[^1] == int.MaxValue)
                        {
                            if (starts.Count == 0 || starts[^1] + lens[^1] != position)
                            {
                                starts.Add((int)position);
                                lens.Add(0);
                            }
                        }

                        lens[^1]++;
                        bases.WriteByte(b >= (byte)'a' && b <= (byte)'z' ? (byte)(b - 32) : b);
                    }
                }
            }

            Flush();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return result;

        void Flush()
        {
            if (name is null)
            {
                return;
            }

            seen[name] = position;
            if (starts.Count > 0)
            {
                result.Add(name, position, [.. starts], [.. lens], bases.ToArray());
            }
            else if (wanted is not null)
            {
                result.Add(name, position, [], [], []);
            }

            name = null;
        }
    }
}
