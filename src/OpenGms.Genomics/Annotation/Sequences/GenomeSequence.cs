namespace OpenGms.Genomics.Annotation.Sequences;

/// <summary>
/// Reference bases for annotation, addressed 1-based on the forward strand. A source may hold only parts of the
/// genome (the windows around exons kept in an annotation cache); reads outside what it holds return false.
/// </summary>
public abstract class GenomeSequence
{
    /// <summary>Copies the bases from <paramref name="start"/> (1-based) into <paramref name="destination"/>, upper case.</summary>
    /// <param name="chromosome">Sequence name.</param>
    /// <param name="start">1-based first position.</param>
    /// <param name="destination">Receives <c>destination.Length</c> bases.</param>
    /// <returns>False when any of the bases is not available.</returns>
    public abstract bool TryRead(string chromosome, int start, Span<byte> destination);

    /// <summary>Length of a chromosome when known, else -1.</summary>
    /// <param name="chromosome">Sequence name.</param>
    /// <returns>The length or -1.</returns>
    public abstract long LengthOf(string chromosome);

    /// <summary>The base at <paramref name="position"/>, or 0 when it is not available.</summary>
    /// <param name="chromosome">Sequence name.</param>
    /// <param name="position">1-based position.</param>
    /// <returns>The base or 0.</returns>
    public byte BaseAt(string chromosome, int position)
    {
        Span<byte> one = stackalloc byte[1];
        return TryRead(chromosome, position, one) ? one[0] : (byte)0;
    }
}
