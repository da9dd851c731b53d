namespace OpenGms.Interpretation.Phenotype;

/// <summary>
/// Information content of every term: IC(t) = -ln(p(t)), where p(t) is the fraction of annotated items (diseases,
/// or genes when no disease ids are available) annotated to t or to any descendant of t. A term no item reaches
/// gets the IC of a term reached by exactly one item, -ln(1/N), so that IC never decreases from parent to child and
/// stays finite.
/// </summary>
internal sealed class InformationContent
{
    private InformationContent(double[] values, int itemCount, string basis)
    {
        Values = values;
        ItemCount = itemCount;
        Basis = basis;
    }

    /// <summary>IC in nats by term index.</summary>
    public double[] Values { get; }

    /// <summary>N: the number of annotated items p(t) is a fraction of.</summary>
    public int ItemCount { get; }

    /// <summary>"diseases" or "genes".</summary>
    public string Basis { get; }

    public static InformationContent Compute(HpoOntology ontology, int[][] itemTerms, string basis)
    {
        ArgumentNullException.ThrowIfNull(ontology);
        ArgumentNullException.ThrowIfNull(itemTerms);
        var counts = new int[ontology.Count];
        var stamp = new int[ontology.Count];
        Array.Fill(stamp, -1);
        int items = 0;
        for (int item = 0; item < itemTerms.Length; item++)
        {
            int[] terms = itemTerms[item];
            if (terms.Length == 0)
            {
                continue;
            }

            items++;
            foreach (int t in terms)
            {
                foreach (int a in ontology.Ancestors[t])
                {
                    // Count each item once per term, however many of its annotations lie below that term.
                    if (stamp[a] != item)
                    {
                        stamp[a] = item;
                        counts[a]++;
                    }
                }
            }
        }

        var values = new double[ontology.Count];
        double n = Math.Max(items, 1);
        for (int t = 0; t < values.Length; t++)
        {
            values[t] = -Math.Log(Math.Max(counts[t], 1) / n);
        }

        return new InformationContent(values, items, basis);
    }
}
