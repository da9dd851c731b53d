using System.Globalization;
using System.Text;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Genomics.Annotation.Hgvs;
using OpenGms.Genomics.Annotation.Sequences;

namespace OpenGms.Genomics.Annotation.Consequences;

/// <summary>
/// Predicts, for one variant allele, the SO consequence terms on every transcript it touches (VEP conventions and
/// severity order), the exon/intron numbers, the protein change and HGVS g./c./n./p. descriptions.
/// </summary>
/// <remarks>
/// Splice sites follow VEP: donor/acceptor = the first/last two intron bases; splice region = 1-3 exon bases or
/// 3-8 intron bases next to an exon boundary; donor 5th base, donor region (intron bases 3-6 on the donor side) and
/// polypyrimidine tract (intron bases 3-17 before the acceptor) as VEP 105 and later name them. Consequences are
/// computed on the allele as given (after trimming the shared bases); HGVS descriptions are shifted 3′ on the
/// transcript strand within the exon or intron that holds the variant, as VEP does, and g. is shifted 3′ on the
/// forward strand as far as the reference held allows.
/// Not thread-safe: it caches transcript sequences; use one instance per thread.
/// </remarks>
public sealed class VariantAnnotator
{
    private const int SpliceRegionExonBases = 3;
    private const int SpliceRegionIntronFirst = 3;
    private const int SpliceRegionIntronLast = 8;
    private const int DonorFifthBase = 5;
    private const int DonorRegionFirst = 3;
    private const int DonorRegionLast = 6;
    private const int PolypyrimidineFirst = 3;
    private const int PolypyrimidineLast = 17;
    private const int ModelCacheLimit = 4096;

    private static readonly List<TranscriptAnnotation> s_noTranscripts = new(0);

    // Every splice term a donor or acceptor site replaces on the same transcript.
    private static readonly ConsequenceSet s_finerSplice = default(ConsequenceSet)
        .With(ConsequenceTerm.SpliceRegionVariant).With(ConsequenceTerm.SpliceDonor5thBaseVariant)
        .With(ConsequenceTerm.SpliceDonorRegionVariant).With(ConsequenceTerm.SplicePolypyrimidineTractVariant);

    private readonly TranscriptIndex _index;
    private readonly GenomeSequence _sequence;
    private readonly int _flank;
    private readonly List<Transcript> _hits = new(64);
    private readonly Dictionary<Transcript, TranscriptModel> _models = new(TranscriptSerialComparer.Instance);
    private readonly StringBuilder _text = new(128); // HGVS descriptions are built here, then copied out once
    private string? _hitsChromosome; // the query _hits holds
    private int _hitsLo;
    private int _hitsHi;

    /// <summary>Creates an annotator.</summary>
    /// <param name="index">Transcripts.</param>
    /// <param name="sequence">Reference bases (whole genome or cache windows).</param>
    /// <param name="upDownstreamDistance">Distance for upstream/downstream_gene_variant (VEP: 5000).</param>
    public VariantAnnotator(TranscriptIndex index, GenomeSequence sequence, int upDownstreamDistance = 5000)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(sequence);
        _index = index;
        _sequence = sequence;
        _flank = upDownstreamDistance;
    }

    /// <summary>Annotates one alternate allele.</summary>
    /// <param name="chromosome">Sequence name.</param>
    /// <param name="position">VCF POS.</param>
    /// <param name="reference">VCF REF.</param>
    /// <param name="alternate">One VCF ALT allele (symbolic alleles and <c>*</c> get no transcript annotation).</param>
    /// <returns>The annotation.</returns>
    public AlleleAnnotation Annotate(string chromosome, int position, string reference, string alternate)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(alternate);
        if (alternate.Length == 0 || alternate[0] is '<' or '*' or '.' || IsBreakend(alternate))
        {
            return new AlleleAnnotation(chromosome, position, reference, alternate, ConsequenceTerm.IntergenicVariant, null, []);
        }

        // Drop the VCF anchor base, then trim the shared suffix, then the prefix, so a left-aligned VCF indel keeps
        // its left-most place. Trimmed on spans: a string is made only for what is left (none for one base).
        // Upper-case alleles (nearly all) skip the casing call; it would return the same instance.
        string upperRef = IsUpper(reference) ? reference : reference.ToUpperInvariant();
        string upperAlt = IsUpper(alternate) ? alternate : alternate.ToUpperInvariant();
        ReadOnlySpan<char> r = upperRef;
        ReadOnlySpan<char> a = upperAlt;
        int start = position;
        if (r.Length > 0 && a.Length > 0 && r[0] == a[0])
        {
            r = r[1..];
            a = a[1..];
            start++;
        }

        int suffix = 0;
        while (suffix < r.Length && suffix < a.Length && r[^(suffix + 1)] == a[^(suffix + 1)])
        {
            suffix++;
        }

        r = r[..^suffix];
        a = a[..^suffix];
        int prefix = 0;
        while (prefix < r.Length && prefix < a.Length && r[prefix] == a[prefix])
        {
            prefix++;
        }

        r = r[prefix..];
        a = a[prefix..];
        start += prefix;
        if (r.Length == 0 && a.Length == 0)
        {
            return new AlleleAnnotation(chromosome, position, reference, alternate, ConsequenceTerm.IntergenicVariant, null, []);
        }

        string refF = r.Length == upperRef.Length ? upperRef : AlleleText.Of(r);
        string altF = a.Length == upperAlt.Length ? upperAlt : AlleleText.Of(a);
        var variant = new Change(start, refF, altF);
        QueryNear(chromosome, variant.Lo, variant.Hi);
        // Most records touch no transcript: they share one empty list (nothing adds to it).
        List<TranscriptAnnotation> results = _hits.Count == 0 ? s_noTranscripts : new List<TranscriptAnnotation>(_hits.Count);
        ConsequenceSet all = default;
        foreach (Transcript transcript in _hits)
        {
            TranscriptAnnotation? annotation = AnnotateTranscript(transcript, variant);
            if (annotation is not null && !annotation.Consequences.IsEmpty)
            {
                results.Add(annotation);
                all = new ConsequenceSet(all.Bits | annotation.Consequences.Bits);
            }
        }

        ConsequenceTerm most = all.IsEmpty ? ConsequenceTerm.IntergenicVariant : all.MostSevere;
        if (variant.Ref.Length == 1 && variant.Alt.Length == 1)
        {
            // A substitution needs no shifting; its HGVS g. is formatted only when read (the VCF writer writes it in place).
            return new AlleleAnnotation(chromosome, position, reference, alternate, most, null, results)
            {
                Snv = new GenomicSnv(chromosome, variant.Start, variant.Ref[0], variant.Alt[0]),
            };
        }

        string? hgvsG = GenomicHgvs(chromosome, variant);
        return new AlleleAnnotation(chromosome, position, reference, alternate, most, hgvsG, results);
    }

    /// <summary>
    /// True when a transcript lies within the upstream/downstream distance of [<paramref name="lo"/>,
    /// <paramref name="hi"/>]; when false, every allele there is an intergenic_variant.
    /// </summary>
    internal bool HasTranscriptsNear(string chromosome, int lo, int hi)
    {
        QueryNear(chromosome, lo, hi);
        return _hits.Count > 0;
    }

    /// <summary>
    /// Fills <see cref="_hits"/> with the transcripts within the flank distance of [lo, hi]. A substitution that
    /// <see cref="HasTranscriptsNear"/> found near transcripts is annotated next with the same range: not queried twice.
    /// </summary>
    private void QueryNear(string chromosome, int lo, int hi)
    {
        if (ReferenceEquals(chromosome, _hitsChromosome) && lo == _hitsLo && hi == _hitsHi)
        {
            return;
        }

        _hits.Clear();
        _index.Query(chromosome, lo - _flank, hi + _flank, _hits);
        _hitsChromosome = chromosome;
        _hitsLo = lo;
        _hitsHi = hi;
    }

    private static bool IsUpper(string allele) =>
        allele.Length == 1 ? char.IsAsciiLetterUpper(allele[0]) : !allele.AsSpan().ContainsAnyExceptInRange('A', 'Z');

    private static bool IsBreakend(string allele) =>
        allele.Length == 1 ? allele[0] is '[' or ']' : allele.AsSpan().ContainsAny('[', ']');

    private TranscriptModel Model(Transcript transcript)
    {
        if (!_models.TryGetValue(transcript, out TranscriptModel? model))
        {
            if (_models.Count >= ModelCacheLimit)
            {
                _models.Clear();
            }

            model = new TranscriptModel(transcript, _sequence);
            _models.Add(transcript, model);
        }

        return model;
    }

    private TranscriptAnnotation? AnnotateTranscript(Transcript t, Change v)
    {
        bool forward = t.Strand == Strand.Forward;
        bool overlaps = v.IsInsertion ? v.Lo >= t.Start && v.Hi <= t.End : v.Hi >= t.Start && v.Lo <= t.End;
        if (!overlaps)
        {
            bool before = v.Hi <= t.Start;
            int distance = before ? t.Start - v.Hi : v.Lo - t.End;
            if (v.IsInsertion)
            {
                distance = Math.Max(distance, 1);
            }

            if (distance > _flank)
            {
                return null;
            }

            ConsequenceTerm term = before == forward ? ConsequenceTerm.UpstreamGeneVariant : ConsequenceTerm.DownstreamGeneVariant;
            return new TranscriptAnnotation(t, default(ConsequenceSet).With(term)) { Distance = distance };
        }

        if (!v.IsInsertion && v.Lo <= t.Start && v.Hi >= t.End)
        {
            return new TranscriptAnnotation(t, default(ConsequenceSet).With(ConsequenceTerm.TranscriptAblation));
        }

        var annotation = new TranscriptAnnotation(t, default);
        ConsequenceSet set = default;
        ReadOnlySpan<int> starts = t.ExonStarts;
        ReadOnlySpan<int> ends = t.ExonEnds;
        int n = starts.Length;
        bool exonic = false;
        bool intronic = false;
        int exonHits = 0;
        for (int i = 0; i < n; i++)
        {
            int es = starts[i];
            int ee = ends[i];
            if (v.Overlaps(es, ee))
            {
                exonic = true;
                exonHits++;
                int number = t.ExonNumber(i);
                if (annotation.Exon == 0)
                {
                    annotation.Exon = number;
                }

                annotation.ExonLast = number;
            }

            // Exonic side of the splice region: the exon bases next to an intron. An insertion counts only when both
            // its flanking bases are among them (VEP); one at the exon/intron junction is handled below.
            if ((i + 1 < n && v.Overlaps(ee - SpliceRegionExonBases + 1, ee))
                || (i > 0 && v.Overlaps(es, es + SpliceRegionExonBases - 1)))
            {
                set = set.With(ConsequenceTerm.SpliceRegionVariant);
            }

            if (i + 1 == n)
            {
                break;
            }

            int intronStart = ee + 1;
            int intronEnd = starts[i + 1] - 1;
            if (intronEnd < intronStart)
            {
                continue;
            }

            if (v.IsInsertion && ((v.Lo == ee && v.Hi == intronStart) || (v.Lo == intronEnd && v.Hi == intronEnd + 1)))
            {
                // An insertion at the exon/intron junction leaves both splice-site bases in place: splice region only
                // (VEP; bcftools csq agrees). Only an insertion between the two donor or acceptor bases breaks the site.
                set = set.With(ConsequenceTerm.SpliceRegionVariant);
                continue;
            }

            bool inIntron = v.Overlaps(intronStart, intronEnd);
            if (!inIntron)
            {
                continue;
            }

            intronic = true;
            int intronNumber = forward ? i + 1 : n - 1 - i;
            if (annotation.Intron == 0)
            {
                annotation.Intron = intronNumber;
            }

            annotation.IntronLast = intronNumber;
            bool firstTwo = v.Overlaps(intronStart, Math.Min(intronStart + 1, intronEnd));
            bool lastTwo = v.Overlaps(Math.Max(intronEnd - 1, intronStart), intronEnd);
            if (firstTwo)
            {
                set = set.With(forward ? ConsequenceTerm.SpliceDonorVariant : ConsequenceTerm.SpliceAcceptorVariant);
            }

            if (lastTwo)
            {
                set = set.With(forward ? ConsequenceTerm.SpliceAcceptorVariant : ConsequenceTerm.SpliceDonorVariant);
            }

            if (v.InIntronBases(intronStart, intronEnd, SpliceRegionIntronFirst, SpliceRegionIntronLast, fromStart: true)
                || v.InIntronBases(intronStart, intronEnd, SpliceRegionIntronFirst, SpliceRegionIntronLast, fromStart: false))
            {
                set = set.With(ConsequenceTerm.SpliceRegionVariant);
            }

            // VEP's finer intronic splice terms (release 105 on), by plain overlap (an insertion needs both flanking
            // bases inside, so none is at the single 5th base). The donor side is the intron's 5' end on the transcript
            // strand: its low genomic end on the forward strand.
            (int fifthLo, int fifthHi) = IntronBases(intronStart, intronEnd, DonorFifthBase, DonorFifthBase, fromStart: forward);
            (int donorLo, int donorHi) = IntronBases(intronStart, intronEnd, DonorRegionFirst, DonorRegionLast, fromStart: forward);
            (int tractLo, int tractHi) = IntronBases(intronStart, intronEnd, PolypyrimidineFirst, PolypyrimidineLast, fromStart: !forward);
            if (v.Overlaps(fifthLo, fifthHi))
            {
                set = set.With(ConsequenceTerm.SpliceDonor5thBaseVariant);
            }
            else if (v.Overlaps(donorLo, donorHi))
            {
                set = set.With(ConsequenceTerm.SpliceDonorRegionVariant);
            }

            if (v.Overlaps(tractLo, tractHi))
            {
                set = set.With(ConsequenceTerm.SplicePolypyrimidineTractVariant);
            }

            if (v.Touches(intronStart + 2, intronEnd - 2))
            {
                set = set.With(ConsequenceTerm.IntronVariant);
            }
        }

        if (set.Contains(ConsequenceTerm.SpliceDonorVariant) || set.Contains(ConsequenceTerm.SpliceAcceptorVariant))
        {
            // VEP reports donor/acceptor without splice_region for the same transcript, whatever the variant type: its
            // splice_region predicate returns 0 when donor_splice_site or acceptor_splice_site holds (VariationEffect.pm).
            // An insertion can meet both only beside a very short exon (splice site of one intron, splice region of the next).
            // The finer splice terms give way to a splice site in the same way.
            set = new ConsequenceSet(set.Bits & ~s_finerSplice.Bits);
        }
        else if (set.Contains(ConsequenceTerm.SpliceDonor5thBaseVariant) || set.Contains(ConsequenceTerm.SpliceDonorRegionVariant))
        {
            // The donor's 5th base and donor region are the narrower names of those splice_region bases: VEP reports
            // them instead of splice_region (the polypyrimidine tract, on the acceptor side, stands beside it).
            set = set.Without(ConsequenceTerm.SpliceRegionVariant);
        }

        TranscriptModel model = Model(t);
        if (!t.IsCoding)
        {
            if (exonic)
            {
                set = set.With(ConsequenceTerm.NonCodingTranscriptExonVariant);
            }
            else if (intronic)
            {
                set = set.With(ConsequenceTerm.NonCodingTranscriptVariant);
            }
        }
        else if (exonic)
        {
            set = CodingConsequences(model, v, set, exonHits, annotation);
        }

        if (t.Biotype == "nonsense_mediated_decay")
        {
            set = set.With(ConsequenceTerm.NmdTranscriptVariant);
        }

        annotation.Consequences = set;
        annotation.HgvsC = CodingHgvs(model, v);
        return annotation;
    }

    private static ConsequenceSet CodingConsequences(TranscriptModel model, Change v, ConsequenceSet set, int exonHits, TranscriptAnnotation annotation)
    {
        Transcript t = model.Transcript;
        bool forward = t.Strand == Strand.Forward;

        // An insertion is coding only when both flanking bases are; next to the CDS it belongs to the UTR.
        int lo = v.Lo;
        int hi = v.Hi;
        bool touchesLowUtr = lo < t.CodingStart && ExonicOverlap(t, lo, Math.Min(hi, t.CodingStart - 1));
        bool touchesHighUtr = hi > t.CodingEnd && ExonicOverlap(t, Math.Max(lo, t.CodingEnd + 1), hi);
        bool touchesCds = v.IsInsertion
            ? lo >= t.CodingStart && hi <= t.CodingEnd
            : hi >= t.CodingStart && lo <= t.CodingEnd && ExonicOverlap(t, Math.Max(lo, t.CodingStart), Math.Min(hi, t.CodingEnd));
        if (touchesLowUtr)
        {
            set = set.With(forward ? ConsequenceTerm.FivePrimeUtrVariant : ConsequenceTerm.ThreePrimeUtrVariant);
        }

        if (touchesHighUtr)
        {
            set = set.With(forward ? ConsequenceTerm.ThreePrimeUtrVariant : ConsequenceTerm.FivePrimeUtrVariant);
        }

        if (!touchesCds)
        {
            return set;
        }

        bool simple = exonHits == 1 && !touchesLowUtr && !touchesHighUtr && !set.Contains(ConsequenceTerm.IntronVariant)
            && !set.Contains(ConsequenceTerm.SpliceDonorVariant) && !set.Contains(ConsequenceTerm.SpliceAcceptorVariant)
            && model.Cdna is not null && model.RefProtein is not null
            && v.Lo >= t.CodingStart && v.Hi <= t.CodingEnd;
        if (!simple)
        {
            // Crosses an exon, UTR or intron boundary: VEP's coarse terms.
            set = set.With(ConsequenceTerm.CodingSequenceVariant);
            int startCodonLo = forward ? t.CodingStart : t.CodingEnd - 2;
            int stopCodonLo = forward ? t.CodingEnd - 2 : t.CodingStart;
            bool startHit = (t.Tags & TranscriptTags.CdsStartIncomplete) == 0 && v.Overlaps(startCodonLo, startCodonLo + 2) && !v.IsInsertion;
            bool stopHit = (t.Tags & TranscriptTags.CdsEndIncomplete) == 0 && v.Overlaps(stopCodonLo, stopCodonLo + 2) && !v.IsInsertion;
            if (!startHit && !stopHit)
            {
                return set;
            }

            // VEP keeps coding_sequence_variant only when no start/stop term applies.
            set = set.Without(ConsequenceTerm.CodingSequenceVariant);
            if (v.Ref.Length == v.Alt.Length)
            {
                // A same-length change of the start or stop codon across the boundary.
                set = startHit ? set.With(ConsequenceTerm.StartLost) : set;
                return stopHit ? set.With(ConsequenceTerm.StopLost) : set;
            }

            // A length change across the UTR/CDS boundary: VEP edits the spliced sequence and asks whether the start
            // codon (the whole CDS after it) or the stop codon is still there; when one end of the change is not
            // exonic (it reaches into an intron) VEP cannot place it on the cDNA and reports neither term.
            byte[]? edited = EditedCdna(model, v, out int editAt);
            if (edited is null)
            {
                return set.With(ConsequenceTerm.CodingSequenceVariant);
            }

            if (startHit)
            {
                set = set.With(StartAltered(model, edited) ? ConsequenceTerm.StartLost : ConsequenceTerm.StartRetainedVariant);
            }

            if (stopHit && editAt >= model.CdsStart && editAt <= model.CdsEnd)
            {
                set = set.With(StopAltered(model, edited) ? ConsequenceTerm.StopLost : ConsequenceTerm.StopRetainedVariant);
            }
            else if (stopHit)
            {
                set = set.With(ConsequenceTerm.StopLost);
            }

            return set;
        }

        return set | Protein(model, v, annotation);
    }

    /// <summary>
    /// The spliced transcript with the change applied (transcript orientation), or null when either end of the
    /// change is not exonic or an intron lies inside it. <paramref name="editAt"/> is the cdna index of its 5′ end.
    /// </summary>
    private static byte[]? EditedCdna(TranscriptModel model, Change v, out int editAt)
    {
        bool forward = model.Transcript.Strand == Strand.Forward;
        byte[]? cdna = model.Cdna;
        editAt = model.ToCdna(forward ? v.Lo : v.Hi);
        int end = model.ToCdna(forward ? v.Hi : v.Lo);
        if (cdna is null || editAt < 0 || end < 0 || end - editAt + 1 != v.Ref.Length)
        {
            return null;
        }

        string alt = forward ? v.Alt : Nucleotides.ReverseComplement(v.Alt);
        byte[] edited = new byte[cdna.Length - v.Ref.Length + alt.Length];
        cdna.AsSpan(0, editAt).CopyTo(edited);
        for (int i = 0; i < alt.Length; i++)
        {
            edited[editAt + i] = (byte)alt[i];
        }

        cdna.AsSpan(end + 1).CopyTo(edited.AsSpan(editAt + alt.Length));
        return edited;
    }

    /// <summary>VEP's start check: the edited 5′UTR + CDS must still end with the whole reference CDS.</summary>
    private static bool StartAltered(TranscriptModel model, byte[] edited)
    {
        byte[] cdna = model.Cdna!;
        int cdsLength = model.CdsEnd - model.CdsStart + 1;
        int newEnd = model.CdsEnd + 1 + (edited.Length - cdna.Length);
        return newEnd < cdsLength || newEnd > edited.Length
            || !edited.AsSpan(newEnd - cdsLength, cdsLength).SequenceEqual(cdna.AsSpan(model.CdsStart, cdsLength));
    }

    /// <summary>VEP's stop check: the codon at the reference stop codon's place in the edited sequence must be a stop.</summary>
    private static bool StopAltered(TranscriptModel model, byte[] edited)
    {
        int codon = model.CdsEnd - 2;
        return codon < 0 || model.CdsEnd >= edited.Length || GeneticCode.Translate(edited.AsSpan(codon, 3), model.Mitochondrial) != '*';
    }

    private static bool ExonicOverlap(Transcript t, int lo, int hi)
    {
        if (hi < lo)
        {
            return false;
        }

        ReadOnlySpan<int> starts = t.ExonStarts;
        ReadOnlySpan<int> ends = t.ExonEnds;
        for (int i = 0; i < starts.Length; i++)
        {
            if (hi >= starts[i] && lo <= ends[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The exact protein effect of a change inside one coding exon.</summary>
    private static ConsequenceSet Protein(TranscriptModel model, Change v, TranscriptAnnotation annotation)
    {
        Transcript t = model.Transcript;
        bool forward = t.Strand == Strand.Forward;
        byte[] cdna = model.Cdna!;
        string refP = model.RefProtein!;
        string refT = forward ? v.Ref : Nucleotides.ReverseComplement(v.Ref);
        string altT = forward ? v.Alt : Nucleotides.ReverseComplement(v.Alt);
        int cs;
        if (v.IsInsertion)
        {
            int fivePrime = model.ToCdna(forward ? v.Lo : v.Hi);
            cs = fivePrime >= 0 ? fivePrime + 1 : model.ToCdna(forward ? v.Hi : v.Lo);
        }
        else
        {
            cs = model.ToCdna(forward ? v.Lo : v.Hi);
        }

        if (cs < 0 || cs + v.Ref.Length > cdna.Length)
        {
            return default(ConsequenceSet).With(ConsequenceTerm.CodingSequenceVariant);
        }

        int refLength = refT.Length;
        if (refLength == altT.Length && refLength <= 3)
        {
            ConsequenceSet? quick = Substitution(model, cs, altT, annotation);
            if (quick is not null)
            {
                return quick.Value;
            }
        }

        // The edited transcript is only translated: a pooled buffer, not a new array per variant.
        int mutatedLength = cdna.Length - refLength + altT.Length;
        byte[] pooled = System.Buffers.ArrayPool<byte>.Shared.Rent(mutatedLength);
        string altP;
        try
        {
            Span<byte> mutated = pooled.AsSpan(0, mutatedLength);
            cdna.AsSpan(0, cs).CopyTo(mutated);
            for (int i = 0; i < altT.Length; i++)
            {
                mutated[cs + i] = (byte)altT[i];
            }

            cdna.AsSpan(cs + refLength).CopyTo(mutated[(cs + altT.Length)..]);
            altP = model.Translate(mutated, model.CdsStart, stopAtStop: true);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(pooled);
        }

        int first = (cs - model.CdsStart + model.Pad) / 3;
        int last = refLength == 0 ? first : (cs + refLength - 1 - model.CdsStart + model.Pad) / 3;
        annotation.ProteinStart = first + 1;
        annotation.ProteinEnd = last + 1;
        int diff = altT.Length - refLength;
        string proteinPrefix = model.ProteinPrefix;
        ConsequenceSet set = default;
        int refStop = refP.EndsWith('*') ? refP.Length - 1 : -1;
        int altStop = altP.EndsWith('*') ? altP.Length - 1 : -1;
        int p = 0;
        while (p < refP.Length && p < altP.Length && refP[p] == altP[p])
        {
            p++;
        }

        string refAas = first < refP.Length ? refP.Substring(first, Math.Min(last, refP.Length - 1) - first + 1) : string.Empty;
        if (diff % 3 != 0)
        {
            set = set.With(ConsequenceTerm.FrameshiftVariant);
            // VEP: a frameshift inside the start codon always alters the CDS after it: start_lost, even when an ATG
            // is rebuilt in place.
            if (first == 0 && refP.Length > 0 && refP[0] == 'M' && (t.Tags & TranscriptTags.CdsStartIncomplete) == 0)
            {
                set = set.With(ConsequenceTerm.StartLost);
            }

            if (refStop >= 0 && p == refStop)
            {
                set = set.With(ConsequenceTerm.StopLost);
            }

            annotation.AminoAcids = refAas + "/X";
            if (p >= refP.Length || p >= altP.Length)
            {
                annotation.HgvsP = proteinPrefix + "?";
            }
            else if (altP[p] == '*')
            {
                annotation.HgvsP = proteinPrefix + GeneticCode.ThreeLetter(refP[p]) + (p + 1) + "Ter";
            }
            else
            {
                string tail = altStop >= 0 ? (altStop - p + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
                annotation.HgvsP = proteinPrefix + GeneticCode.ThreeLetter(refP[p]) + (p + 1) + GeneticCode.ThreeLetter(altP[p]) + "fsTer" + tail;
            }

            return set;
        }

        if (refP == altP)
        {
            bool startCodon = first == 0 && refP.Length > 0 && refP[0] == 'M';
            bool stopCodon = refStop >= 0 && last >= refStop;
            set = set.With(stopCodon ? ConsequenceTerm.StopRetainedVariant : startCodon ? ConsequenceTerm.StartRetainedVariant : ConsequenceTerm.SynonymousVariant);
            if (stopCodon && diff != 0)
            {
                // VEP: codons gained or lost in the stop codon that keep the stop are also an in-frame indel.
                set = set.With(diff > 0 ? ConsequenceTerm.InframeInsertion : ConsequenceTerm.InframeDeletion);
            }

            annotation.AminoAcids = refAas;
            int at = Math.Min(first, refP.Length - 1);
            annotation.HgvsP = at >= 0 ? proteinPrefix + GeneticCode.ThreeLetter(refP[at]) + (at + 1) + "=" : null;
            return set;
        }

        annotation.AminoAcids = refAas + "/" + (first < altP.Length ? altP.Substring(first, Math.Max(0, Math.Min(altP.Length, last + 1 + (diff / 3)) - first)) : string.Empty);
        // VEP: start_lost when the first codon changes to something other than Met, and for every in-frame deletion
        // that touches it (the shorter peptide cannot contain the reference one, even if an ATG is rebuilt).
        if (first == 0 && refP.Length > 0 && refP[0] == 'M' && (altP.Length == 0 || altP[0] != 'M' || diff < 0) && (t.Tags & TranscriptTags.CdsStartIncomplete) == 0)
        {
            annotation.HgvsP = proteinPrefix + "Met1?";
            set = set.With(ConsequenceTerm.StartLost);
            if (diff != 0)
            {
                set = set.With(diff > 0 ? ConsequenceTerm.InframeInsertion : ConsequenceTerm.InframeDeletion);
            }

            return set;
        }

        int expectedAltStop = refStop >= 0 ? refStop + (diff / 3) : -1;
        if (refStop >= 0 && (altStop < 0 || altStop > expectedAltStop) && p >= refStop - (diff < 0 ? -diff / 3 : 0) && last >= refStop)
        {
            // The stop codon is gone and translation runs on: an extension.
            set = set.With(ConsequenceTerm.StopLost);
            int stopAt = Math.Min(p, altP.Length - 1);
            string extent = altStop >= 0 ? (altStop - refStop).ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
            annotation.HgvsP = stopAt >= 0 && stopAt < altP.Length && p == refStop
                ? proteinPrefix + "Ter" + (refStop + 1) + GeneticCode.ThreeLetter(altP[p]) + "extTer" + extent
                : proteinPrefix + "?";
            if (diff > 0)
            {
                set = set.With(ConsequenceTerm.InframeInsertion);
            }
            else if (diff < 0)
            {
                set = set.With(ConsequenceTerm.InframeDeletion);
            }

            return set;
        }

        if (altStop >= 0 && (refStop < 0 || altStop < expectedAltStop))
        {
            set = set.With(ConsequenceTerm.StopGained);
            if (diff > 0)
            {
                set = set.With(ConsequenceTerm.InframeInsertion);
            }
            else if (diff < 0)
            {
                set = set.With(ConsequenceTerm.InframeDeletion);
            }

            annotation.HgvsP = p < refP.Length && altP[p] == '*'
                ? proteinPrefix + GeneticCode.ThreeLetter(refP[p]) + (p + 1) + "Ter"
                : proteinPrefix + Delins(refP, p, Math.Min(refP.Length - 1, p + Math.Max(0, last - first)), altP.AsSpan(p, altStop - p + 1));
            return set;
        }

        // In-frame change that keeps the stop where expected: trim the shared prefix and suffix.
        int s = 0;
        while (s < refP.Length - p && s < altP.Length - p && refP[^(s + 1)] == altP[^(s + 1)])
        {
            s++;
        }

        ReadOnlySpan<char> deleted = refP.AsSpan(p, refP.Length - s - p);
        ReadOnlySpan<char> inserted = altP.AsSpan(p, altP.Length - s - p);
        if (diff == 0)
        {
            set = set.With(ConsequenceTerm.MissenseVariant);
        }
        else
        {
            set = set.With(diff > 0 ? ConsequenceTerm.InframeInsertion : ConsequenceTerm.InframeDeletion);
        }

        annotation.HgvsP = proteinPrefix + InframeHgvs(refP, p, deleted, inserted);
        return set;
    }

    /// <summary>
    /// Fast path for a substitution of up to three bases: only the codons it touches are translated. Returns null
    /// (use the full path) when a stop codon is lost, the start codon is hit or the CDS frame is padded.
    /// </summary>
    private static ConsequenceSet? Substitution(TranscriptModel model, int cs, string altT, TranscriptAnnotation annotation)
    {
        byte[] cdna = model.Cdna!;
        string refP = model.RefProtein!;
        if (model.Pad != 0)
        {
            return null;
        }

        int first = (cs - model.CdsStart) / 3;
        int last = (cs + altT.Length - 1 - model.CdsStart) / 3;
        if (first == 0 || last >= refP.Length || refP[last] == '*' || (last + 1) * 3 + model.CdsStart > cdna.Length)
        {
            return null;
        }

        Span<byte> codons = stackalloc byte[6];
        int n = (last - first + 1) * 3;
        cdna.AsSpan(model.CdsStart + (first * 3), n).CopyTo(codons);
        for (int i = 0; i < altT.Length; i++)
        {
            codons[cs - model.CdsStart - (first * 3) + i] = (byte)altT[i];
        }

        Span<char> alt = stackalloc char[2];
        for (int k = 0; k <= last - first; k++)
        {
            alt[k] = GeneticCode.Translate(codons.Slice(k * 3, 3), model.Mitochondrial);
        }

        string proteinPrefix = model.ProteinPrefix;
        annotation.ProteinStart = first + 1;
        annotation.ProteinEnd = last + 1;
        ReadOnlySpan<char> reference = refP.AsSpan(first, last - first + 1);
        ReadOnlySpan<char> altAas = alt[..(last - first + 1)];
        if (reference.SequenceEqual(altAas))
        {
            annotation.AminoAcids = AlleleText.Of(reference);
            annotation.HgvsP = string.Create(CultureInfo.InvariantCulture, $"{proteinPrefix}{GeneticCode.ThreeLetter(refP[first])}{first + 1}=");
            return default(ConsequenceSet).With(ConsequenceTerm.SynonymousVariant);
        }

        annotation.AminoAcids = string.Concat(reference, "/", altAas);
        int stop = altAas.IndexOf('*');
        if (stop >= 0)
        {
            int at = first + stop;
            int p = first;
            while (p < at && refP[p] == altAas[p - first])
            {
                p++;
            }

            annotation.HgvsP = p == at
                ? string.Create(CultureInfo.InvariantCulture, $"{proteinPrefix}{GeneticCode.ThreeLetter(refP[at])}{at + 1}Ter")
                : proteinPrefix + Delins(refP, p, at, altAas[(p - first)..(stop + 1)]);
            return default(ConsequenceSet).With(ConsequenceTerm.StopGained);
        }

        int from = 0;
        while (reference[from] == altAas[from])
        {
            from++;
        }

        int to = reference.Length - 1;
        while (reference[to] == altAas[to])
        {
            to--;
        }

        annotation.HgvsP = from == to
            ? string.Create(CultureInfo.InvariantCulture, $"{proteinPrefix}{GeneticCode.ThreeLetter(reference[from])}{first + from + 1}{GeneticCode.ThreeLetter(altAas[from])}")
            : proteinPrefix + Delins(refP, first + from, first + to, altAas[from..(to + 1)]);
        return default(ConsequenceSet).With(ConsequenceTerm.MissenseVariant);
    }

    private static string InframeHgvs(string refP, int p, ReadOnlySpan<char> deleted, ReadOnlySpan<char> inserted)
    {
        if (deleted.Length == 1 && inserted.Length == 1)
        {
            return GeneticCode.ThreeLetter(deleted[0]) + (p + 1) + GeneticCode.ThreeLetter(inserted[0]);
        }

        if (inserted.IsEmpty)
        {
            // Deletion: shift 3' along the protein (HGVS 3' rule).
            int start = p;
            int end = p + deleted.Length - 1;
            while (end + 1 < refP.Length && refP[end + 1] != '*' && refP[end + 1] == refP[start])
            {
                start++;
                end++;
            }

            return start == end
                ? GeneticCode.ThreeLetter(refP[start]) + (start + 1) + "del"
                : GeneticCode.ThreeLetter(refP[start]) + (start + 1) + "_" + GeneticCode.ThreeLetter(refP[end]) + (end + 1) + "del";
        }

        if (deleted.IsEmpty)
        {
            char[] ins = inserted.ToArray();
            int at = p; // inserted before refP[at]
            while (at < refP.Length && refP[at] != '*' && refP[at] == ins[0])
            {
                char firstAa = ins[0];
                Array.Copy(ins, 1, ins, 0, ins.Length - 1);
                ins[^1] = firstAa;
                at++;
            }

            int len = ins.Length;
            if (at - len >= 0 && refP.AsSpan(at - len, len).SequenceEqual(ins))
            {
                return len == 1
                    ? GeneticCode.ThreeLetter(refP[at - 1]) + at + "dup"
                    : GeneticCode.ThreeLetter(refP[at - len]) + (at - len + 1) + "_" + GeneticCode.ThreeLetter(refP[at - 1]) + at + "dup";
            }

            if (at == 0 || at >= refP.Length)
            {
                return "?";
            }

            return GeneticCode.ThreeLetter(refP[at - 1]) + at + "_" + GeneticCode.ThreeLetter(refP[at]) + (at + 1) + "ins" + GeneticCode.ThreeLetter(ins);
        }

        return Delins(refP, p, p + deleted.Length - 1, inserted);
    }

    private static string Delins(string refP, int start, int end, ReadOnlySpan<char> inserted)
    {
        string range = start == end
            ? GeneticCode.ThreeLetter(refP[start]) + (start + 1)
            : GeneticCode.ThreeLetter(refP[start]) + (start + 1) + "_" + GeneticCode.ThreeLetter(refP[end]) + (end + 1);
        return range + "delins" + GeneticCode.ThreeLetter(inserted);
    }

    private string? CodingHgvs(TranscriptModel model, Change v)
    {
        Transcript t = model.Transcript;
        bool forward = t.Strand == Strand.Forward;

        // Shift 3' on the transcript strand, but not out of the exon or intron that holds the change (VEP's rule).
        int boundLo = 0;
        int boundHi = 0;
        int exon = model.ExonIndexOf(v.Lo);
        int exonHi = model.ExonIndexOf(v.Hi);
        if (exon >= 0 && exon == exonHi)
        {
            boundLo = model.TxExonStart(exon);
            boundHi = model.TxExonEnd(exon);
        }
        else if (exon < 0 && exonHi < 0)
        {
            for (int i = 0; i + 1 < model.ExonCount; i++)
            {
                int a = forward ? model.TxExonEnd(i) + 1 : model.TxExonEnd(i + 1) + 1;
                int b = forward ? model.TxExonStart(i + 1) - 1 : model.TxExonStart(i) - 1;
                if (v.Lo >= a && v.Hi <= b)
                {
                    boundLo = a;
                    boundHi = b;
                    break;
                }
            }
        }

        Change shifted = boundHi > 0 ? Shift(t.Chromosome, v, forward, boundLo, boundHi) : v;
        StringBuilder text = _text.Clear().Append(t.VersionedId).Append(t.IsCoding ? ":c." : ":n.");
        return Describe(text, t.Chromosome, shifted, forward, model) ? text.ToString() : null;
    }

    private string? GenomicHgvs(string chromosome, Change v)
    {
        long length = _sequence.LengthOf(chromosome);
        Change shifted = Shift(chromosome, v, forward: true, 1, length > 0 ? (int)Math.Min(length, int.MaxValue) : int.MaxValue);
        StringBuilder text = _text.Clear().Append(chromosome).Append(GenomicSnv.Separator(chromosome));
        return Describe(text, chromosome, shifted, forward: true, model: null) ? text.ToString() : null;
    }

    /// <summary>
    /// Appends the HGVS description of <paramref name="v"/> after its prefix: positions on <paramref name="model"/>'s
    /// transcript (c./n.), or genomic positions when it is null. False when a position is outside the transcript.
    /// </summary>
    private bool Describe(StringBuilder text, string chromosome, Change v, bool forward, TranscriptModel? model)
    {
        if (v.IsInsertion)
        {
            // Duplication: the inserted bases equal those just 5' of the insertion on the transcript strand.
            int len = v.Alt.Length;
            int dupLo = forward ? v.Lo - len + 1 : v.Hi;
            if (dupLo >= 1 && ReferenceHolds(v.Alt, chromosome, dupLo))
            {
                if (!Range(text, model, dupLo, dupLo + len - 1, forward))
                {
                    return false;
                }

                text.Append("dup");
                return true;
            }

            if (!AppendPosition(text, model, forward ? v.Lo : v.Hi))
            {
                return false;
            }

            text.Append('_');
            if (!AppendPosition(text, model, forward ? v.Hi : v.Lo))
            {
                return false;
            }

            text.Append("ins");
            AppendStrand(text, v.Alt, forward);
            return true;
        }

        if (!Range(text, model, v.Lo, v.Hi, forward))
        {
            return false;
        }

        if (v.Alt.Length == 0)
        {
            text.Append("del");
        }
        else if (v.Ref.Length == 1 && v.Alt.Length == 1)
        {
            AppendStrand(text, v.Ref, forward);
            text.Append('>');
            AppendStrand(text, v.Alt, forward);
        }
        else
        {
            text.Append("delins");
            AppendStrand(text, v.Alt, forward);
        }

        return true;
    }

    /// <summary>True when the reference holds <paramref name="bases"/> from <paramref name="start"/>.</summary>
    private bool ReferenceHolds(string bases, string chromosome, int start)
    {
        int length = bases.Length;
        Span<byte> read = length <= 256 ? stackalloc byte[length] : new byte[length];
        if (!_sequence.TryRead(chromosome, start, read))
        {
            return false;
        }

        for (int i = 0; i < length; i++)
        {
            if (read[i] != bases[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Forward-strand bases as they read on the transcript's strand.</summary>
    private static void AppendStrand(StringBuilder text, string bases, bool forward)
    {
        if (forward)
        {
            text.Append(bases);
            return;
        }

        for (int i = bases.Length - 1; i >= 0; i--)
        {
            text.Append((char)Nucleotides.Complement((byte)bases[i]));
        }
    }

    private static bool AppendPosition(StringBuilder text, TranscriptModel? model, int genomic)
    {
        if (model is null)
        {
            text.Append(genomic);
            return true;
        }

        return model.AppendPosition(text, genomic);
    }

    private static bool Range(StringBuilder text, TranscriptModel? model, int lo, int hi, bool forward)
    {
        if (!AppendPosition(text, model, forward ? lo : hi))
        {
            return false;
        }

        if (lo == hi)
        {
            return true;
        }

        text.Append('_');
        return AppendPosition(text, model, forward ? hi : lo);
    }

    /// <summary>Moves a pure insertion or deletion as far 3' as the repeat allows, within [boundLo, boundHi].</summary>
    private Change Shift(string chromosome, Change v, bool forward, int boundLo, int boundHi)
    {
        if (v.Ref.Length > 0 && v.Alt.Length > 0)
        {
            return v;
        }

        // Each step moves the first base of the moving sequence to its end (forward) or the last to its front
        // (reverse): after k steps it is the original rotated by k, so it is read in place and built once at the end.
        string moving = v.IsInsertion ? v.Alt : v.Ref;
        int length = moving.Length;
        int lo = v.Lo;
        int hi = v.Hi;
        int moved = 0;
        const int MaxSteps = 100_000;
        if (forward)
        {
            while (moved < MaxSteps)
            {
                int next = v.IsInsertion ? hi : hi + 1;
                if (next > boundHi)
                {
                    break;
                }

                byte b = _sequence.BaseAt(chromosome, next);
                if (b == 0 || b != moving[moved % length])
                {
                    break;
                }

                moved++;
                lo++;
                hi++;
            }
        }
        else
        {
            while (moved < MaxSteps)
            {
                int previous = v.IsInsertion ? lo : lo - 1;
                if (previous < boundLo || previous < 1)
                {
                    break;
                }

                byte b = _sequence.BaseAt(chromosome, previous);
                if (b == 0 || b != moving[length - 1 - (moved % length)])
                {
                    break;
                }

                moved++;
                lo--;
                hi--;
            }
        }

        if (moved == 0)
        {
            return v;
        }

        int cut = forward ? moved % length : (length - (moved % length)) % length;
        string shifted = cut == 0 ? moving : string.Concat(moving.AsSpan(cut), moving.AsSpan(0, cut));
        return v.IsInsertion ? new Change(hi, string.Empty, shifted) : new Change(lo, shifted, string.Empty);
    }

    /// <summary>
    /// The genomic range of intron bases <paramref name="first"/>..<paramref name="last"/> (1 = the base next to the
    /// exon), counted from the intron's low genomic end or from its high end.
    /// </summary>
    private static (int Lo, int Hi) IntronBases(int intronStart, int intronEnd, int first, int last, bool fromStart) =>
        fromStart ? (intronStart + first - 1, intronStart + last - 1) : (intronEnd - last + 1, intronEnd - first + 1);

    /// <summary>A trimmed change: <see cref="Ref"/> replaced by <see cref="Alt"/> from 1-based <see cref="Start"/>.</summary>
    private readonly record struct Change(int Start, string Ref, string Alt)
    {
        public bool IsInsertion => Ref.Length == 0;

        /// <summary>First affected base; for an insertion, the base before it.</summary>
        public int Lo => IsInsertion ? Start - 1 : Start;

        /// <summary>Last affected base; for an insertion, the base after it.</summary>
        public int Hi => IsInsertion ? Start : Start + Ref.Length - 1;

        /// <summary>For splice regions: like <see cref="Overlaps"/>, but an insertion counts when either flanking base is inside.</summary>
        public bool Touches(int a, int b) => IsInsertion ? (Lo >= a && Lo <= b) || (Hi >= a && Hi <= b) : Overlaps(a, b);

        /// <summary>True when the change touches [a, b]; an insertion only when both flanking bases are inside.</summary>
        public bool Overlaps(int a, int b) => IsInsertion ? Lo >= a && Hi <= b : Hi >= a && Lo <= b;

        /// <summary>
        /// True when the change touches intron bases <paramref name="first"/>..<paramref name="last"/> (see
        /// <see cref="IntronBases"/>), an insertion when the base on its exon-distal side is one of them (VEP's intronic
        /// splice region).
        /// </summary>
        public bool InIntronBases(int intronStart, int intronEnd, int first, int last, bool fromStart)
        {
            (int a, int b) = IntronBases(intronStart, intronEnd, first, last, fromStart);
            if (!IsInsertion)
            {
                return Overlaps(a, b);
            }

            int distal = fromStart ? Hi : Lo;
            return distal >= a && distal <= b;
        }
    }
}

/// <summary>Identity comparison of transcripts, hashed by their serial number.</summary>
internal sealed class TranscriptSerialComparer : IEqualityComparer<Transcript>
{
    public static readonly TranscriptSerialComparer Instance = new();

    public bool Equals(Transcript? x, Transcript? y) => ReferenceEquals(x, y);

    public int GetHashCode(Transcript obj) => obj.Serial;
}
