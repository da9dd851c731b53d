using Microsoft.EntityFrameworkCore;
using OpenGms.Cases.Application;
using OpenGms.Cases.Domain;
using OpenGms.Cases.Infrastructure.Persistence;

namespace OpenGms.Cases.Infrastructure;

/// <summary><see cref="ICaseStore"/> over EF Core.</summary>
internal sealed class EfCaseStore(CasesDbContext db) : ICaseStore
{
    public Task<Case?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Cases.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<Case?> FindByOrderAsync(Guid orderId, CancellationToken cancellationToken) =>
        db.Cases.FirstOrDefaultAsync(c => c.OrderId == orderId, cancellationToken);

    public async Task<IReadOnlyList<Case>> ListAsync(IReadOnlyCollection<CaseStatus>? statuses, string? glhCode, Guid? patientId, int limit, CancellationToken cancellationToken)
    {
        IQueryable<Case> query = db.Cases.AsNoTracking();
        if (statuses is { Count: > 0 })
        {
            query = query.Where(c => statuses.Contains(c.Status));
        }

        if (glhCode is not null)
        {
            query = query.Where(c => c.GlhCode == glhCode);
        }

        if (patientId is Guid patient)
        {
            query = query.Where(c => c.PatientId == patient);
        }

        return await query.OrderByDescending(c => c.UpdatedAt).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<VariantReview>> ReviewsAsync(Guid caseId, CancellationToken cancellationToken) =>
        await db.Reviews.AsNoTracking().Where(r => r.CaseId == caseId).OrderBy(r => r.ReviewedAt).ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Report>> ReportsAsync(Guid caseId, CancellationToken cancellationToken) =>
        await db.Reports.Where(r => r.CaseId == caseId).OrderBy(r => r.Version).ThenBy(r => r.SubmittedAt).ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Report>> ReportVersionsAsync(Guid reportId, CancellationToken cancellationToken) =>
        await db.Reports.AsNoTracking().Where(r => r.ReportId == reportId).OrderBy(r => r.Version).ToListAsync(cancellationToken).ConfigureAwait(false);

    public void Add(Case @case) => db.Cases.Add(@case);

    public void Add(VariantReview review) => db.Reviews.Add(review);

    public void Add(Report report) => db.Reports.Add(report);

    public async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
