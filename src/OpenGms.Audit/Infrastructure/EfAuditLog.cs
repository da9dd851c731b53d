using Microsoft.EntityFrameworkCore;
using OpenGms.Audit.Contracts;
using OpenGms.Audit.Infrastructure.Persistence;
using OpenGms.Kernel;

namespace OpenGms.Audit.Infrastructure;

internal sealed class EfAuditLog(AuditDbContext db, IClock clock) : IAuditLog
{
    public async Task WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        db.Entries.Add(new AuditEntryRow
        {
            At = clock.UtcNow,
            Actor = auditEvent.Actor,
            Action = auditEvent.Action.ToString(),
            Resource = auditEvent.Resource,
            PatientId = auditEvent.PatientId,
            Source = auditEvent.Source,
            Detail = auditEvent.Detail is { Length: > 500 } d ? d[..500] : auditEvent.Detail,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    public async Task<IReadOnlyList<AuditRecord>> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        IQueryable<AuditEntryRow> rows = db.Entries.AsNoTracking();
        if (!string.IsNullOrEmpty(query.PatientId))
        {
            rows = rows.Where(r => r.PatientId == query.PatientId);
        }

        if (!string.IsNullOrEmpty(query.Actor))
        {
            rows = rows.Where(r => r.Actor == query.Actor);
        }

        // Time bounds are applied by sequence order after loading: SQLite stores DateTimeOffset as text, which EF cannot
        // compare in SQL; the sequence is monotonic with time, so the newest-first limit stays correct.
        List<AuditEntryRow> found = await rows.OrderByDescending(r => r.Sequence)
            .Take(query.From is null && query.To is null ? Math.Clamp(query.Limit, 1, 10_000) : 100_000)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return found
            .Where(r => (query.From is null || r.At >= query.From) && (query.To is null || r.At <= query.To))
            .Take(Math.Clamp(query.Limit, 1, 10_000))
            .Select(r => new AuditRecord(r.Sequence, r.At, new AuditEvent(r.Actor, Enum.Parse<AuditAction>(r.Action), r.Resource, r.PatientId, r.Source, r.Detail)))
            .ToList();
    }
}
