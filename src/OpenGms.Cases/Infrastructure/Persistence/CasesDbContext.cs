using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OpenGms.Cases.Domain;

namespace OpenGms.Cases.Infrastructure.Persistence;

/// <summary>The cases module's tables (<c>cases_</c>).</summary>
public abstract class CasesDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Cases.</summary>
    public DbSet<Case> Cases => Set<Case>();

    /// <summary>Variant reviews (append-only).</summary>
    public DbSet<VariantReview> Reviews => Set<VariantReview>();

    /// <summary>Report versions.</summary>
    public DbSet<Report> Reports => Set<Report>();

    /// <summary>How instants are stored (SQLite cannot order DateTimeOffset; it gets Unix milliseconds).</summary>
    protected virtual ValueConverter<DateTimeOffset, long>? InstantConverter => null;

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var statusConverter = new ValueConverter<CaseStatus, string>(s => CaseNames.Of(s), s => Parse(s));
        var reportStatusConverter = new ValueConverter<ReportStatus, string>(s => CaseNames.Of(s), s => CaseNames.ParseReportStatus(s));
        modelBuilder.Entity<Case>(e =>
        {
            e.ToTable("cases_case");
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.OrderId).IsUnique();
            e.HasIndex(c => new { c.Status, c.GlhCode });
            e.HasIndex(c => c.PatientId);
            e.Property(c => c.NhsNumber).HasMaxLength(10).IsRequired();
            e.Property(c => c.PatientName).HasMaxLength(200).IsRequired();
            e.Property(c => c.TestCode).HasMaxLength(16).IsRequired();
            e.Property(c => c.GlhCode).HasMaxLength(64).IsRequired();
            e.Property(c => c.HpoTerms).HasMaxLength(4000).IsRequired();
            e.Property(c => c.Pipelines).HasConversion<int>();
            e.Property(c => c.PipelineReason).HasMaxLength(1000).IsRequired();
            e.Property(c => c.VcfPath).HasMaxLength(1000).IsRequired();
            e.Property(c => c.SpecimenId).HasMaxLength(100);
            e.Property(c => c.ProbandSample).HasMaxLength(200);
            e.Property(c => c.PedPath).HasMaxLength(1000);
            e.Property(c => c.CachePath).HasMaxLength(1000);
            e.Property(c => c.HpoDataPath).HasMaxLength(1000);
            e.Property(c => c.Status).HasConversion(statusConverter).HasMaxLength(32);
            e.Property(c => c.AnalysisError).HasMaxLength(4000);
            e.Property(c => c.Summary).HasMaxLength(20000);
            e.Property(c => c.Conclusion).HasMaxLength(20000);
            e.Property(c => c.CorrectionReason).HasMaxLength(4000);
            e.Property(c => c.AttachedBy).HasMaxLength(256).IsRequired();
            e.Property(c => c.Revision).IsConcurrencyToken();
            Instant(e.Property(c => c.CreatedAt));
            Instant(e.Property(c => c.UpdatedAt));
        });
        modelBuilder.Entity<VariantReview>(e =>
        {
            e.ToTable("cases_variant_review");
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.CaseId, r.VariantKey });
            e.Property(r => r.VariantKey).HasMaxLength(1000).IsRequired();
            e.Property(r => r.CriteriaChanges).IsRequired();
            e.Property(r => r.ComputedClass).HasMaxLength(8).IsRequired();
            e.Property(r => r.ClassOverride).HasMaxLength(8);
            e.Property(r => r.Reason).HasMaxLength(4000);
            e.Property(r => r.ReviewedBy).HasMaxLength(256).IsRequired();
            e.Ignore(r => r.FinalClass);
            Instant(e.Property(r => r.ReviewedAt));
        });
        modelBuilder.Entity<Report>(e =>
        {
            e.ToTable("cases_report");
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.ReportId, r.Version });
            e.HasIndex(r => r.CaseId);
            e.Property(r => r.Status).HasConversion(reportStatusConverter).HasMaxLength(32);
            e.Property(r => r.Content).IsRequired();
            e.Property(r => r.ChangeSummary).HasMaxLength(8000);
            e.Property(r => r.SubmittedBy).HasMaxLength(256).IsRequired();
            e.Property(r => r.DecidedBy).HasMaxLength(256);
            e.Property(r => r.ReturnReason).HasMaxLength(4000);
            Instant(e.Property(r => r.SubmittedAt));
            Instant(e.Property(r => r.DecidedAt));
        });
    }

    private static CaseStatus Parse(string text) => CaseNames.TryParseStatus(text, out CaseStatus s) ? s : throw new InvalidOperationException($"Unknown case status '{text}'.");

    private void Instant(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<DateTimeOffset> property)
    {
        if (InstantConverter is { } converter)
        {
            property.HasConversion(converter);
        }
    }

    private void Instant(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<DateTimeOffset?> property)
    {
        if (InstantConverter is not null)
        {
            property.HasConversion(new ValueConverter<DateTimeOffset?, long?>(
                v => v.HasValue ? v.Value.ToUnixTimeMilliseconds() : null,
                v => v.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(v.Value) : null));
        }
    }
}
