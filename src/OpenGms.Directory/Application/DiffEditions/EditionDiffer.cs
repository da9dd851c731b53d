using OpenGms.Directory.Contracts;
using OpenGms.Directory.Domain;

namespace OpenGms.Directory.Application.DiffEditions;

/// <summary>Compares two editions by indication and test code, field by field (whitespace-insensitive).</summary>
public static class EditionDiffer
{
    /// <summary>What changed from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static EditionDiffView Diff(DirectoryEdition from, DirectoryEdition to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        Dictionary<string, ClinicalIndication> oldIndications = from.Indications.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        Dictionary<string, ClinicalIndication> newIndications = to.Indications.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
        Dictionary<string, (DirectoryTest Test, ClinicalIndication Indication)> oldTests = Tests(from);
        Dictionary<string, (DirectoryTest Test, ClinicalIndication Indication)> newTests = Tests(to);

        var addedIndications = new List<ItemView>();
        var changedIndications = new List<ChangedItemView>();
        foreach (ClinicalIndication indication in to.Indications)
        {
            if (!oldIndications.TryGetValue(indication.Code, out ClinicalIndication? before))
            {
                addedIndications.Add(new ItemView(indication.Code, indication.Name, null));
                continue;
            }

            var changes = new List<FieldChangeView>();
            Compare(changes, "name", before.Name, indication.Name);
            Compare(changes, "specialist-test-group", before.SpecialistTestGroup, indication.SpecialistTestGroup);
            Compare(changes, "commissioning-category", before.CommissioningCategory, indication.CommissioningCategory);
            Compare(changes, "eligibility", before.Eligibility, indication.Eligibility);
            if (changes.Count > 0)
            {
                changedIndications.Add(new ChangedItemView(indication.Code, indication.Name, changes, null));
            }
        }

        var removedIndications = from.Indications.Where(i => !newIndications.ContainsKey(i.Code))
            .Select(i => new ItemView(i.Code, i.Name, null)).ToList();

        var addedTests = new List<ItemView>();
        var changedTests = new List<ChangedItemView>();
        var disagreements = new List<ItemView>();
        foreach ((DirectoryTest test, ClinicalIndication indication) in newTests.Values)
        {
            if (!oldTests.TryGetValue(test.Code, out var before))
            {
                addedTests.Add(new ItemView(test.Code, test.Name, test.ChangeNote));
                if (SaysNoChange(test.ChangeNote))
                {
                    disagreements.Add(new ItemView(test.Code, test.Name, test.ChangeNote));
                }

                continue;
            }

            var changes = new List<FieldChangeView>();
            Compare(changes, "indication", before.Indication.Code, indication.Code);
            Compare(changes, "name", before.Test.Name, test.Name);
            Compare(changes, "method", before.Test.MethodPublished, test.MethodPublished);
            Compare(changes, "methods", Methods(before.Test), Methods(test));
            Compare(changes, "scope", before.Test.Scope, test.Scope);
            Compare(changes, "targets", before.Test.TargetsPublished, test.TargetsPublished);
            Compare(changes, "eligibility", before.Test.Eligibility, test.Eligibility);
            if (changes.Count > 0)
            {
                changedTests.Add(new ChangedItemView(test.Code, test.Name, changes, test.ChangeNote));
            }

            bool noteSaysNone = SaysNoChange(test.ChangeNote);
            if ((changes.Count > 0 && noteSaysNone) || (changes.Count == 0 && test.ChangeNote is not null && !noteSaysNone))
            {
                disagreements.Add(new ItemView(test.Code, test.Name, test.ChangeNote));
            }
        }

        var removedTests = oldTests.Values.Where(t => !newTests.ContainsKey(t.Test.Code))
            .Select(t => new ItemView(t.Test.Code, t.Test.Name, null)).ToList();

        return new EditionDiffView(from.Key, to.Key, addedIndications, removedIndications, changedIndications, addedTests, removedTests, changedTests, disagreements);
    }

    private static bool SaysNoChange(string? note) =>
        note is not null && note.Trim().StartsWith("no change", StringComparison.OrdinalIgnoreCase);

    private static string Methods(DirectoryTest test) => string.Join(", ", test.Methods.Select(m => m.ToText()));

    private static Dictionary<string, (DirectoryTest, ClinicalIndication)> Tests(DirectoryEdition edition)
    {
        var result = new Dictionary<string, (DirectoryTest, ClinicalIndication)>(StringComparer.OrdinalIgnoreCase);
        foreach (ClinicalIndication indication in edition.Indications)
        {
            foreach (DirectoryTest test in indication.Tests)
            {
                result[test.Code] = (test, indication);
            }
        }

        return result;
    }

    private static void Compare(List<FieldChangeView> changes, string field, string? before, string? after)
    {
        if (!string.Equals(Normalise(before), Normalise(after), StringComparison.Ordinal))
        {
            changes.Add(new FieldChangeView(field, before, after));
        }
    }

    private static string Normalise(string? value) =>
        value is null ? string.Empty : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
