using Microsoft.EntityFrameworkCore;
using OpenGms.Consent.Domain;

namespace OpenGms.Consent.Infrastructure.Persistence;

/// <summary>The consent module's tables (prefixed <c>consent_</c>). One subclass per database provider carries its migrations.</summary>
public abstract class ConsentDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Patients.</summary>
    public DbSet<Patient> Patients => Set<Patient>();

    /// <summary>Records of discussion (append-only).</summary>
    public DbSet<DiscussionRecord> Discussions => Set<DiscussionRecord>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Patient>(e =>
        {
            e.ToTable("consent_patient");
            e.HasKey(p => p.Id);
            e.Property(p => p.NhsNumber).HasMaxLength(10).IsRequired();
            e.HasIndex(p => p.NhsNumber).IsUnique();
            e.Property(p => p.GivenName).HasMaxLength(200).IsRequired();
            e.Property(p => p.FamilyName).HasMaxLength(200).IsRequired();
            e.Property(p => p.Sex).HasConversion<string>().HasMaxLength(16);
            e.Property(p => p.RelationshipToProband).HasMaxLength(64);
            e.HasIndex(p => p.FamilyId);
        });
        modelBuilder.Entity<DiscussionRecord>(e =>
        {
            e.ToTable("consent_discussion");
            // The sequence is the key: an auto-increment column on both databases, so "latest" never depends on clock ties.
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).ValueGeneratedOnAdd();
            e.HasIndex(r => r.Id).IsUnique();
            e.HasIndex(r => new { r.PatientId, r.Sequence });
            e.Property(r => r.ClinicalTesting).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Research).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.RecordedBy).HasMaxLength(200).IsRequired();
            e.HasOne<Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
