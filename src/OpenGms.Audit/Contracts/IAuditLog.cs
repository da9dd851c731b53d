namespace OpenGms.Audit.Contracts;

/// <summary>What was done to patient data (or another audited resource).</summary>
public enum AuditAction
{
    /// <summary>A read.</summary>
    Read,

    /// <summary>A creation.</summary>
    Create,

    /// <summary>A change.</summary>
    Update,

    /// <summary>A search that returned patient records.</summary>
    Search,

    /// <summary>An export of data out of the service.</summary>
    Export,

    /// <summary>An access that was refused.</summary>
    Denied,
}

/// <summary>One line of the audit log: who did what, when, to which patient, from where.</summary>
/// <param name="Actor">The user name (or <c>system</c> for jobs).</param>
/// <param name="Action">What was done.</param>
/// <param name="Resource">What was touched, e.g. <c>patient</c>, <c>consent</c>, <c>order</c>.</param>
/// <param name="PatientId">The patient concerned, when one is.</param>
/// <param name="Source">Where from: the client address for web requests, <c>cli</c> for the command line.</param>
/// <param name="Detail">Short free text (a route, a query), never clinical content.</param>
public sealed record AuditEvent(string Actor, AuditAction Action, string Resource, string? PatientId, string Source, string? Detail);

/// <summary>A stored audit line.</summary>
/// <param name="Sequence">Its position in the log (strictly increasing).</param>
/// <param name="At">When it was written (UTC).</param>
/// <param name="Event">What it says.</param>
public sealed record AuditRecord(long Sequence, DateTimeOffset At, AuditEvent Event);

/// <summary>A search of the audit log; every criterion is optional.</summary>
public sealed record AuditQuery(string? PatientId = null, string? Actor = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Limit = 200);

/// <summary>
/// The append-only audit log. Every module writes here on each read or change of patient data. There is no way to
/// change or remove a line through the application, and the database refuses UPDATE and DELETE on the table.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends one line.</summary>
    Task WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>Searches the log, newest first.</summary>
    Task<IReadOnlyList<AuditRecord>> SearchAsync(AuditQuery query, CancellationToken cancellationToken);
}
