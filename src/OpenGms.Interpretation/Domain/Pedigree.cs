namespace OpenGms.Interpretation.Domain;

/// <summary>Sex as a PED file or a phenopacket records it.</summary>
public enum Sex
{
    /// <summary>Not recorded (PED 0 or other).</summary>
    Unknown = 0,

    /// <summary>PED 1.</summary>
    Male = 1,

    /// <summary>PED 2.</summary>
    Female = 2,
}

/// <summary>Affected status (PED phenotype column: 1 unaffected, 2 affected, 0/-9 unknown).</summary>
public enum AffectedStatus
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>Unaffected.</summary>
    Unaffected = 1,

    /// <summary>Affected.</summary>
    Affected = 2,
}

/// <summary>One person of a family.</summary>
/// <param name="FamilyId">PED family id.</param>
/// <param name="Id">Individual id; also the sample name looked up in the VCF.</param>
/// <param name="FatherId">Father's id, or null when not in the pedigree.</param>
/// <param name="MotherId">Mother's id, or null when not in the pedigree.</param>
/// <param name="Sex">Sex.</param>
/// <param name="Affected">Affected status.</param>
public sealed record FamilyMember(string FamilyId, string Id, string? FatherId, string? MotherId, Sex Sex, AffectedStatus Affected);

/// <summary>A family: members and their parent links. Invariant: ids are unique and every parent id names a member.</summary>
public sealed class Pedigree
{
    private readonly Dictionary<string, FamilyMember> _byId;

    /// <summary>Creates a pedigree; parent ids that name no member are dropped (a PED may list a parent it does not describe).</summary>
    /// <param name="members">The members, each id once.</param>
    public Pedigree(IReadOnlyList<FamilyMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        _byId = new Dictionary<string, FamilyMember>(StringComparer.Ordinal);
        foreach (FamilyMember m in members)
        {
            if (!_byId.TryAdd(m.Id, m))
            {
                throw new ArgumentException($"duplicate member {m.Id}", nameof(members));
            }
        }

        var fixedMembers = new List<FamilyMember>(members.Count);
        foreach (FamilyMember m in members)
        {
            FamilyMember kept = m with
            {
                FatherId = m.FatherId is not null && _byId.ContainsKey(m.FatherId) ? m.FatherId : null,
                MotherId = m.MotherId is not null && _byId.ContainsKey(m.MotherId) ? m.MotherId : null,
            };
            fixedMembers.Add(kept);
            _byId[m.Id] = kept;
        }

        Members = fixedMembers;
    }

    /// <summary>Members in input order.</summary>
    public IReadOnlyList<FamilyMember> Members { get; }

    /// <summary>A member by id, or null.</summary>
    /// <param name="id">Individual id.</param>
    /// <returns>The member.</returns>
    public FamilyMember? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>A pedigree of one person (singleton case).</summary>
    /// <param name="id">The proband's id.</param>
    /// <param name="sex">Sex.</param>
    /// <returns>The pedigree.</returns>
    public static Pedigree Singleton(string id, Sex sex) => new([new FamilyMember(id, id, null, null, sex, AffectedStatus.Affected)]);

    /// <summary>The proband: the given id, else the first affected member whose parents are in the pedigree, else the first affected member.</summary>
    /// <param name="preferred">An id asked for, or null.</param>
    /// <returns>The proband, or null when no member is affected and none was asked for.</returns>
    public FamilyMember? ChooseProband(string? preferred)
    {
        if (preferred is not null)
        {
            return Find(preferred);
        }

        FamilyMember? firstAffected = null;
        foreach (FamilyMember m in Members)
        {
            if (m.Affected != AffectedStatus.Affected)
            {
                continue;
            }

            firstAffected ??= m;
            if (m.FatherId is not null || m.MotherId is not null)
            {
                return m;
            }
        }

        return firstAffected;
    }
}
