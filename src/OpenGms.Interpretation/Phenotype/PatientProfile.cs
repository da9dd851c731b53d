using System.Buffers;

namespace OpenGms.Interpretation.Phenotype;

/// <summary>One best match: a patient term, the target term it matched, their most informative common ancestor and its IC.</summary>
internal readonly record struct TermMatch(int PatientTerm, int TargetTerm, int Mica, double Ic);

/// <summary>
/// The Resnik similarity of each patient term to every term of the ontology, computed once per case so that scoring
/// thousands of genes is a table look-up per term pair.
/// <para>
/// For a patient term p and any term t, sim(p, t) = max IC over the common ancestors of p and t. Because
/// anc(t) = {t} ∪ anc(parents of t), and IC never decreases from parent to child, one pass in topological order
/// fills the table: sim(p, t) = IC(t) when t is an ancestor of p (t itself is then the most informative common
/// ancestor), otherwise the maximum of sim(p, parent) over t's parents. Cost: (terms + is_a edges) per patient term.
/// </para>
/// </summary>
internal sealed class PatientProfile : IDisposable
{
    private readonly double[] _sim;
    private readonly int[] _mica;
    private readonly int _n;

    private PatientProfile(int[] terms, double[] sim, int[] mica, int n)
    {
        Terms = terms;
        _sim = sim;
        _mica = mica;
        _n = n;
    }

    /// <summary>The patient's resolved term indices, duplicates removed, in the order given.</summary>
    public int[] Terms { get; }

    public static PatientProfile Create(HpoOntology ontology, double[] ic, int[] terms)
    {
        ArgumentNullException.ThrowIfNull(ontology);
        ArgumentNullException.ThrowIfNull(terms);
        int n = ontology.Count;
        int k = terms.Length;
        double[] sim = ArrayPool<double>.Shared.Rent(Math.Max(1, k * n));
        int[] mica = ArrayPool<int>.Shared.Rent(Math.Max(1, k * n));
        bool[] isAncestor = ArrayPool<bool>.Shared.Rent(n);
        try
        {
            int[] order = ontology.TopologicalOrder;
            int[][] parents = ontology.Parents;
            for (int i = 0; i < k; i++)
            {
                Array.Clear(isAncestor, 0, n);
                foreach (int a in ontology.Ancestors[terms[i]])
                {
                    isAncestor[a] = true;
                }

                Span<double> s = sim.AsSpan(i * n, n);
                Span<int> m = mica.AsSpan(i * n, n);
                foreach (int t in order)
                {
                    if (isAncestor[t])
                    {
                        s[t] = ic[t];
                        m[t] = t;
                        continue;
                    }

                    double best = 0;
                    int bestMica = -1;
                    foreach (int p in parents[t])
                    {
                        if (m[p] >= 0 && (bestMica < 0 || s[p] > best))
                        {
                            best = s[p];
                            bestMica = m[p];
                        }
                    }

                    s[t] = best;
                    m[t] = bestMica;
                }
            }
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(isAncestor);
        }

        return new PatientProfile(terms, sim, mica, n);
    }

    /// <summary>Resnik similarity of patient term <paramref name="i"/> (an index into <see cref="Terms"/>) and term <paramref name="t"/>.</summary>
    public double Similarity(int i, int t) => _sim[(i * _n) + t];

    /// <summary>
    /// Best-match average of the patient's terms against <paramref name="target"/>: patient to target, and when
    /// <paramref name="symmetric"/> the mean of that and target to patient. Writes each patient term's best match into
    /// <paramref name="matches"/> (length at least <see cref="Terms"/>.Length) when it is not empty.
    /// </summary>
    public double BestMatchAverage(ReadOnlySpan<int> target, bool symmetric, Span<TermMatch> matches)
    {
        int k = Terms.Length;
        if (target.IsEmpty || k == 0)
        {
            return 0;
        }

        double patientToTarget = 0;
        for (int i = 0; i < k; i++)
        {
            ReadOnlySpan<double> row = _sim.AsSpan(i * _n, _n);
            double best = -1;
            int bestTerm = -1;
            foreach (int t in target)
            {
                double s = row[t];
                if (s > best)
                {
                    best = s;
                    bestTerm = t;
                }
            }

            patientToTarget += best;
            if (!matches.IsEmpty)
            {
                matches[i] = new TermMatch(Terms[i], bestTerm, _mica[(i * _n) + bestTerm], best);
            }
        }

        patientToTarget /= k;
        if (!symmetric)
        {
            return patientToTarget;
        }

        double targetToPatient = 0;
        foreach (int t in target)
        {
            double best = 0;
            for (int i = 0; i < k; i++)
            {
                double s = _sim[(i * _n) + t];
                if (s > best)
                {
                    best = s;
                }
            }

            targetToPatient += best;
        }

        targetToPatient /= target.Length;
        return (patientToTarget + targetToPatient) / 2;
    }

    public void Dispose()
    {
        ArrayPool<double>.Shared.Return(_sim);
        ArrayPool<int>.Shared.Return(_mica);
    }
}
