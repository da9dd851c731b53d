using System.Text;

namespace OpenGms.Genomics.Annotation.Consequences;

/// <summary>Alleles as strings without a new string for the commonest ones: none or one ASCII base.</summary>
internal static class AlleleText
{
    private static readonly string[] s_singleCharacters = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    /// <summary>The characters as a string.</summary>
    public static string Of(ReadOnlySpan<char> allele) =>
        allele.Length == 0 ? string.Empty : allele.Length == 1 && allele[0] < 128 ? s_singleCharacters[allele[0]] : allele.ToString();

    /// <summary>UTF-8 bytes as a string.</summary>
    public static string Of(ReadOnlySpan<byte> allele) =>
        allele.Length == 0 ? string.Empty : allele.Length == 1 && allele[0] < 128 ? s_singleCharacters[allele[0]] : Encoding.UTF8.GetString(allele);
}
