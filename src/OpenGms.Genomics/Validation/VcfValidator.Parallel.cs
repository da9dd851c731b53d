using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using OpenGms.Genomics.Vcf;

namespace OpenGms.Genomics.Validation;

/// <summary>
/// Record checks spread over threads. The reading thread reads each record and runs the checks that carry state from
/// record to record (<see cref="CheckLeading"/>: contig order, sorting, duplicates, the reference), copying the line
/// into a batch; worker threads run the rest (<see cref="CheckTrailing"/>: QUAL, FILTER, INFO, samples) on whole
/// batches. Every issue is captured per batch and per record, and batches are merged in file order, each record's
/// leading issues before its trailing ones, so the issue list is the one the single-threaded pass gives.
/// </summary>
public sealed partial class VcfValidator
{
    /// <summary>Records per batch: enough that handing a batch over costs little, few enough to keep both cores busy.</summary>
    internal const int DefaultBatchRecords = 2048;
    private const int BatchBytes = 1 << 20;

    /// <summary>Runs the record loop with <paramref name="workers"/> threads for the trailing checks.</summary>
    private void CheckInParallel(VcfReader reader, int workers, Action<long>? progress, int batchRecords)
    {
        VcfIssueSink sink = _issues;
        using var queue = new BlockingCollection<Batch>();
        var inFlight = new Queue<Batch>();
        var free = new Stack<Batch>();
        var once = new HashSet<string>(StringComparer.Ordinal);
        var threads = new Thread[workers];
        for (int i = 0; i < workers; i++)
        {
            var worker = new VcfValidator(_header, new VcfIssueSink(sink.MaxKeptPerCode), reference: null) { _fastPaths = _fastPaths };
            threads[i] = new Thread(() => worker.RunWorker(queue)) { IsBackground = true, Name = "vcf-validate-" + i };
            threads[i].Start();
        }

        // Twice the workers in flight keeps them busy while the reader fills the next batch, and bounds memory.
        int maxInFlight = 2 * workers;
        var layout = new VcfLineLayout();
        byte[] previousFormat = [];
        Batch current = Rent(free, previousFormat, batchRecords);
        sink.Capture = current.Leading;
        try
        {
            try
            {
                while (reader.Read())
                {
                    VcfRecord r = reader.Current;
                    int altCount = CheckLeading(r, out long pos);
                    current.Add(r.Line, reader.Layout, r.LineNumber, altCount, pos);
                    if (progress is not null && (reader.RecordCount & 0xFFFF) == 0)
                    {
                        progress(reader.RecordCount);
                    }

                    if (current.IsFull)
                    {
                        previousFormat = current.LastFormat(layout, previousFormat);
                        Submit(current);
                        current = Rent(free, previousFormat, batchRecords);
                        sink.Capture = current.Leading;
                    }
                }
            }
            catch (InvalidDataException ex)
            {
                sink.Add(VcfIssueCodes.Unreadable, VcfSeverity.Error, reader.LineNumber, 0, string.Empty, ex.Message);
            }

            Submit(current);
            while (inFlight.Count > 0)
            {
                MergeOldest();
            }
        }
        finally
        {
            sink.Capture = null;
            queue.CompleteAdding();
            foreach (Thread t in threads)
            {
                t.Join();
            }
        }

        void Submit(Batch batch)
        {
            queue.Add(batch);
            inFlight.Enqueue(batch);
            while (inFlight.Count > maxInFlight || (inFlight.Count > 0 && inFlight.Peek().Done.IsSet))
            {
                MergeOldest();
            }
        }

        void MergeOldest()
        {
            Batch b = inFlight.Dequeue();
            b.Done.Wait();
            b.Failure?.Throw();
            int leading = 0;
            int trailing = 0;
            for (int i = 0; i < b.Count; i++)
            {
                for (; leading < b.LeadingEnd[i]; leading++)
                {
                    Keep(b.Leading[leading]);
                }

                for (; trailing < b.TrailingEnd[i]; trailing++)
                {
                    Keep(b.Trailing[trailing]);
                }
            }

            // Issues the reader found after the batch's last record (skipped lines, an unreadable tail).
            for (; leading < b.Leading.Count; leading++)
            {
                Keep(b.Leading[leading]);
            }

            free.Push(b);
        }

        void Keep(CapturedIssue c)
        {
            if (c.OnceKey is null || once.Add(c.OnceKey))
            {
                sink.Record(c.Issue);
            }
        }
    }

    private static Batch Rent(Stack<Batch> free, byte[] previousFormat, int batchRecords)
    {
        Batch b = free.Count > 0 ? free.Pop() : new Batch(batchRecords);
        b.Reset(previousFormat);
        return b;
    }

    private void RunWorker(BlockingCollection<Batch> queue)
    {
        var layout = new VcfLineLayout();
        var scratch = new List<CapturedIssue>();
        foreach (Batch b in queue.GetConsumingEnumerable())
        {
            try
            {
                // The FORMAT cache as the single-threaded pass has it at this batch's first record: it holds the last
                // checked FORMAT when that FORMAT passed its key checks. Its issues were reported with that record.
                _lastFormat = [];
                if (b.PreviousFormat.Length > 0)
                {
                    _issues.Capture = scratch;
                    CheckFormatKeys(b.PreviousFormat, 0, out _, out _);
                    scratch.Clear();
                }

                _issues.Capture = b.Trailing;
                for (int i = 0; i < b.Count; i++)
                {
                    ReadOnlySpan<byte> line = b.Data.AsSpan(b.Starts[i], b.Lengths[i]);
                    layout.RestoreFrom(b.Layouts.AsSpan(i * VcfLineLayout.SavedLength, VcfLineLayout.SavedLength));
                    CheckTrailing(new VcfRecord(line, layout, _header, b.Lines[i]), b.AltCounts[i], b.Positions[i]);
                    b.TrailingEnd[i] = b.Trailing.Count;
                }
            }
            catch (Exception ex)
            {
                // Surfaced on the reading thread when the batch is merged.
                b.Failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                _issues.Capture = null;
                b.Done.Set();
            }
        }
    }

    /// <summary>A run of records copied out of the reader's buffer, with the issues found in them.</summary>
    private sealed class Batch(int capacity)
    {
        public byte[] Data { get; private set; } = new byte[BatchBytes + (64 * 1024)];

        public int Length { get; private set; }

        public int Count { get; private set; }

        public int[] Starts { get; } = new int[capacity];

        public int[] Lengths { get; } = new int[capacity];

        public long[] Lines { get; } = new long[capacity];

        /// <summary>Each line's columns as the reader found them (<see cref="VcfLineLayout.SavedLength"/> integers per line).</summary>
        public int[] Layouts { get; } = new int[capacity * VcfLineLayout.SavedLength];

        public int[] AltCounts { get; } = new int[capacity];

        public long[] Positions { get; } = new long[capacity];

        /// <summary>Issues from the reading thread: the reader's own and the leading checks'.</summary>
        public List<CapturedIssue> Leading { get; } = [];

        /// <summary>Leading.Count after record i was read and checked.</summary>
        public int[] LeadingEnd { get; } = new int[capacity];

        /// <summary>Issues from the trailing checks.</summary>
        public List<CapturedIssue> Trailing { get; } = [];

        /// <summary>Trailing.Count after record i was checked.</summary>
        public int[] TrailingEnd { get; } = new int[capacity];

        /// <summary>The FORMAT of the last record before this batch whose FORMAT was checked, or empty.</summary>
        public byte[] PreviousFormat { get; private set; } = [];

        public ManualResetEventSlim Done { get; } = new(false);

        public ExceptionDispatchInfo? Failure { get; set; }

        public bool IsFull => Count == Starts.Length || Length >= BatchBytes;

        public void Reset(byte[] previousFormat)
        {
            Length = 0;
            Count = 0;
            Leading.Clear();
            Trailing.Clear();
            PreviousFormat = previousFormat;
            Failure = null;
            Done.Reset();
        }

        public void Add(ReadOnlySpan<byte> line, VcfLineLayout layout, long lineNumber, int altCount, long pos)
        {
            if (Length + line.Length > Data.Length)
            {
                // A line longer than the free space (a huge cohort row): grow, keeping the lines already copied.
                byte[] bigger = new byte[Math.Max(Data.Length * 2, Length + line.Length)];
                Data.AsSpan(0, Length).CopyTo(bigger);
                Data = bigger;
            }

            line.CopyTo(Data.AsSpan(Length));
            Starts[Count] = Length;
            Lengths[Count] = line.Length;
            layout.SaveTo(Layouts.AsSpan(Count * VcfLineLayout.SavedLength, VcfLineLayout.SavedLength));
            Lines[Count] = lineNumber;
            AltCounts[Count] = altCount;
            Positions[Count] = pos;
            LeadingEnd[Count] = Leading.Count;
            Length += line.Length;
            Count++;
        }

        /// <summary>
        /// The FORMAT the next batch starts from: that of this batch's last record whose FORMAT reaches the key checks
        /// (present, not empty, no whitespace, not '.'), else <paramref name="previous"/>.
        /// </summary>
        public byte[] LastFormat(VcfLineLayout layout, byte[] previous)
        {
            for (int i = Count - 1; i >= 0; i--)
            {
                ReadOnlySpan<byte> line = Data.AsSpan(Starts[i], Lengths[i]);
                if (layout.Split(line) <= 8)
                {
                    continue;
                }

                ReadOnlySpan<byte> format = line[layout.Starts[8]..(layout.Starts[9] - 1)];
                if (format.IsEmpty || format.IndexOfAny(s_whitespace) >= 0 || VcfValues.IsMissing(format))
                {
                    continue;
                }

                return format.SequenceEqual(previous) ? previous : format.ToArray();
            }

            return previous;
        }
    }
}
