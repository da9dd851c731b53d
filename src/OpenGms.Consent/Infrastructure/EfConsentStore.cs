using Microsoft.EntityFrameworkCore;
using OpenGms.Consent.Application;
using OpenGms.Consent.Contracts;
using OpenGms.Consent.Domain;
using OpenGms.Consent.Infrastructure.Persistence;

namespace OpenGms.Consent.Infrastructure;

internal sealed class EfConsentStore(ConsentDbContext db) : IConsentStore
{
    public Task<Patient?> FindPatientAsync(PatientId id, CancellationToken cancellationToken) =>
        db.Patients.FirstOrDefaultAsync(p => p.Id == id.Value, cancellationToken);

    public async Task<IReadOnlyList<Patient>> FindPatientsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        Guid[] wanted = ids.ToArray();
        return await db.Patients.AsNoTracking().Where(p => wanted.Contains(p.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<Patient?> FindPatientAsync(NhsNumber nhsNumber, CancellationToken cancellationToken) =>
        db.Patients.FirstOrDefaultAsync(p => p.NhsNumber == nhsNumber.Digits, cancellationToken);

    public async Task<bool> AddPatientAsync(Patient patient, CancellationToken cancellationToken)
    {
        if (await db.Patients.AnyAsync(p => p.NhsNumber == patient.NhsNumber, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        db.Patients.Add(patient);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // A concurrent registration of the same NHS number won the unique index.
            db.Entry(patient).State = EntityState.Detached;
            return false;
        }
    }

    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    public async Task AppendAsync(DiscussionRecord record, CancellationToken cancellationToken)
    {
        db.Discussions.Add(record);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DiscussionRecord>> HistoryAsync(PatientId patient, CancellationToken cancellationToken) =>
        await db.Discussions.AsNoTracking().Where(r => r.PatientId == patient.Value).OrderBy(r => r.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Patient>> FamilyAsync(Guid familyId, CancellationToken cancellationToken) =>
        await db.Patients.AsNoTracking().Where(p => p.FamilyId == familyId).OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlySet<PatientId>> ResearchIncludedAsync(IReadOnlyCollection<PatientId>? among, CancellationToken cancellationToken)
    {
        // The latest record per patient is the one no later record of the same patient supersedes.
        IQueryable<DiscussionRecord> latest = db.Discussions.AsNoTracking()
            .Where(r => !db.Discussions.Any(o => o.PatientId == r.PatientId && o.Sequence > r.Sequence));
        if (among is not null)
        {
            Guid[] ids = among.Select(p => p.Value).ToArray();
            latest = latest.Where(r => ids.Contains(r.PatientId));
        }

        List<Guid> included = await latest.Where(r => r.Research == ConsentDecision.Yes).Select(r => r.PatientId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return included.Select(id => new PatientId(id)).ToHashSet();
    }
}
