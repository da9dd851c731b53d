using Microsoft.EntityFrameworkCore;

namespace OpenGms.Jobs.Infrastructure.Persistence;

/// <summary>A row of <c>job</c>. Times are Unix milliseconds (UTC), so both databases compare them as numbers in SQL.</summary>
public sealed class JobRow
{
    /// <summary>Key.</summary>
    public Guid Id { get; set; }

    /// <summary>Handler kind.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Handler input.</summary>
    public string Payload { get; set; } = string.Empty;

    /// <summary>What it is about.</summary>
    public string? Subject { get; set; }

    /// <summary>Status name (queued, running, succeeded, failed).</summary>
    public string Status { get; set; } = "queued";

    /// <summary>Attempts started.</summary>
    public int Attempts { get; set; }

    /// <summary>Failure message.</summary>
    public string? Error { get; set; }

    /// <summary>Handler result.</summary>
    public string? Result { get; set; }

    /// <summary>Queued at.</summary>
    public long CreatedMs { get; set; }

    /// <summary>Last attempt started at.</summary>
    public long? StartedMs { get; set; }

    /// <summary>Finished at.</summary>
    public long? FinishedMs { get; set; }

    /// <summary>Worker holding or last holding it.</summary>
    public string? Worker { get; set; }

    /// <summary>A running job whose lease has passed is taken to be abandoned (its worker died) and is claimed again.</summary>
    public long? LeaseUntilMs { get; set; }
}

/// <summary>The job table.</summary>
public abstract class JobsDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Jobs.</summary>
    public DbSet<JobRow> Jobs => Set<JobRow>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<JobRow>(e =>
        {
            // Snake-case column names: the claim statement is hand-written SQL for both databases.
            e.ToTable("job");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasColumnName("id");
            e.Property(r => r.Kind).HasColumnName("kind").HasMaxLength(64).IsRequired();
            e.Property(r => r.Payload).HasColumnName("payload").IsRequired();
            e.Property(r => r.Subject).HasColumnName("subject").HasMaxLength(128);
            e.Property(r => r.Status).HasColumnName("status").HasMaxLength(16).IsRequired();
            e.Property(r => r.Attempts).HasColumnName("attempts");
            e.Property(r => r.Error).HasColumnName("error").HasMaxLength(4000);
            e.Property(r => r.Result).HasColumnName("result");
            e.Property(r => r.CreatedMs).HasColumnName("created_ms");
            e.Property(r => r.StartedMs).HasColumnName("started_ms");
            e.Property(r => r.FinishedMs).HasColumnName("finished_ms");
            e.Property(r => r.Worker).HasColumnName("worker").HasMaxLength(128);
            e.Property(r => r.LeaseUntilMs).HasColumnName("lease_until_ms");
            e.HasIndex(r => new { r.Status, r.CreatedMs });
            e.HasIndex(r => r.Subject);
        });
    }
}
