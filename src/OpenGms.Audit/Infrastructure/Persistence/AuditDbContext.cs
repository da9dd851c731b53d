using Microsoft.EntityFrameworkCore;

namespace OpenGms.Audit.Infrastructure.Persistence;

/// <summary>A row of <c>audit_entry</c>.</summary>
public sealed class AuditEntryRow
{
    /// <summary>The key: an auto-increment sequence.</summary>
    public long Sequence { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>Who.</summary>
    public string Actor { get; set; } = string.Empty;

    /// <summary>What, as the <see cref="Contracts.AuditAction"/> name.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>Which resource.</summary>
    public string Resource { get; set; } = string.Empty;

    /// <summary>Which patient.</summary>
    public string? PatientId { get; set; }

    /// <summary>From where.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>Short detail.</summary>
    public string? Detail { get; set; }
}

/// <summary>The audit table. The migrations add triggers that make it append-only in the database itself.</summary>
public abstract class AuditDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The log.</summary>
    public DbSet<AuditEntryRow> Entries => Set<AuditEntryRow>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AuditEntryRow>(e =>
        {
            e.ToTable("audit_entry");
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).ValueGeneratedOnAdd();
            e.Property(r => r.Actor).HasMaxLength(200).IsRequired();
            e.Property(r => r.Action).HasMaxLength(16).IsRequired();
            e.Property(r => r.Resource).HasMaxLength(64).IsRequired();
            e.Property(r => r.PatientId).HasMaxLength(64);
            e.Property(r => r.Source).HasMaxLength(100).IsRequired();
            e.Property(r => r.Detail).HasMaxLength(500);
            e.HasIndex(r => r.PatientId);
            e.HasIndex(r => r.Actor);
        });
    }
}
