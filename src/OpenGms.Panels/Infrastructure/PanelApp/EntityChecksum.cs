using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpenGms.Panels.Domain;

namespace OpenGms.Panels.Infrastructure.PanelApp;

/// <summary>
/// A checksum over a version's entities and components in a canonical order, so that the same version read from
/// two files (or twice) compares equal whatever the order of its lists.
/// </summary>
internal static class EntityChecksum
{
    private const char Field = '\u001f';
    private const char Record = '\u001e';

    public static string Of(PanelVersion version)
    {
        var text = new StringBuilder();
        foreach (PanelEntity e in version.Entities.OrderBy(e => e.Identity, StringComparer.Ordinal))
        {
            Append(text, e.Identity, e.GeneSymbol, e.HgncId, Number(e.ConfidenceLevel), e.ModeOfInheritance, e.ModeOfPathogenicity, e.Penetrance,
                string.Join(Field, e.Phenotypes), string.Join(Field, e.Tags), Number(e.PublicationCount),
                e.Grch37Chromosome, Number(e.Grch37Start), Number(e.Grch37End), e.Grch37EnsemblId,
                e.Grch38Chromosome, Number(e.Grch38Start), Number(e.Grch38End), e.Grch38EnsemblId,
                e.RepeatedSequence, Number(e.NormalRepeats), Number(e.PathogenicRepeats), e.VerboseName, e.TypeOfVariants,
                e.HaploinsufficiencyScore, e.TriplosensitivityScore, Number(e.RequiredOverlapPercentage), e.SourcePanelVersion);
        }

        foreach (PanelComponent c in version.Components.OrderBy(c => c.ChildPanelId))
        {
            Append(text, "component", Number(c.ChildPanelId), c.ChildVersion);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static void Append(StringBuilder text, params string?[] fields)
    {
        foreach (string? field in fields)
        {
            text.Append(field ?? "\0").Append(Field);
        }

        text.Append(Record);
    }
}
