using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenGms.Orders.Domain;

namespace OpenGms.Orders.Infrastructure.Persistence;

/// <summary>The orders module's tables (prefixed <c>orders_</c>). One subclass per database provider carries its migrations.</summary>
public abstract class OrdersDbContext(DbContextOptions options) : DbContext(options)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>Orders.</summary>
    public DbSet<Order> Orders => Set<Order>();

    /// <summary>Samples.</summary>
    public DbSet<Sample> Samples => Set<Sample>();

    /// <summary>Status history (append-only).</summary>
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();

    /// <summary>GLHs of the routing table.</summary>
    public DbSet<GlhRow> Glhs => Set<GlhRow>();

    /// <summary>Referring organisations of the routing table.</summary>
    public DbSet<OrganisationRow> Organisations => Set<OrganisationRow>();

    /// <summary>Specialist tests of the routing table.</summary>
    public DbSet<SpecialistTestRow> SpecialistTests => Set<SpecialistTestRow>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Order>(e =>
        {
            e.ToTable("orders_order");
            e.HasKey(o => o.Id);
            e.Property(o => o.Id).ValueGeneratedNever();
            e.Property(o => o.TestCode).HasMaxLength(16).IsRequired();
            e.Property(o => o.IndicationCode).HasMaxLength(16).IsRequired();
            e.Property(o => o.TestName).HasMaxLength(400).IsRequired();
            e.Property(o => o.EditionKey).HasMaxLength(64).IsRequired();
            e.Property(o => o.EditionVersion).HasMaxLength(64).IsRequired();
            e.Property(o => o.RequestedBy).HasMaxLength(200).IsRequired();
            e.Property(o => o.RequesterName).HasMaxLength(200).IsRequired();
            e.Property(o => o.OrganisationOds).HasMaxLength(8).IsRequired();
            e.Property(o => o.GlhCode).HasMaxLength(64).IsRequired();
            e.Property(o => o.RoutingReason).HasMaxLength(1000).IsRequired();
            e.Property(o => o.Source).HasMaxLength(16).IsRequired();
            e.Property(o => o.ExternalId).HasMaxLength(200);
            e.Property(o => o.BusinessStatus).HasMaxLength(64);
            e.Property(o => o.Urgency).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(o => o.HeldFrom).HasConversion<string>().HasMaxLength(32);
            e.Property(o => o.Revision).IsConcurrencyToken();
            Json(e.Property(o => o.Panels));
            Json(e.Property(o => o.HpoTerms));
            Json(e.Property(o => o.Relatives));
            Json(e.Property(o => o.EligibilityCriteria));
            e.HasMany(o => o.Samples).WithOne().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(o => o.PatientId);
            e.HasIndex(o => new { o.RequestedBy, o.CreatedAt });
            e.HasIndex(o => new { o.GlhCode, o.Status, o.CreatedAt });
        });
        modelBuilder.Entity<Sample>(e =>
        {
            e.ToTable("orders_sample");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.SpecimenId).HasMaxLength(100).IsRequired();
            e.Property(s => s.TypeCode).HasMaxLength(32).IsRequired();
            e.Property(s => s.TypeDisplay).HasMaxLength(200).IsRequired();
            e.Property(s => s.ReceivedBy).HasMaxLength(200);
            e.HasIndex(s => new { s.OrderId, s.SpecimenId }).IsUnique();
        });
        modelBuilder.Entity<StatusChange>(e =>
        {
            e.ToTable("orders_status_change");
            e.HasKey(c => c.Sequence);
            e.Property(c => c.Sequence).ValueGeneratedOnAdd();
            e.Property(c => c.From).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.To).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.Role).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.Actor).HasMaxLength(200).IsRequired();
            e.Property(c => c.BusinessStatus).HasMaxLength(64);
            e.Property(c => c.Reason).HasMaxLength(1000);
            e.HasIndex(c => new { c.OrderId, c.Sequence });
            e.HasIndex(c => c.To);
            e.HasOne<Order>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<GlhRow>(e =>
        {
            e.ToTable("orders_glh");
            e.HasKey(g => g.Code);
            e.Property(g => g.Code).HasMaxLength(64);
            e.Property(g => g.Name).HasMaxLength(200).IsRequired();
        });
        modelBuilder.Entity<OrganisationRow>(e =>
        {
            e.ToTable("orders_glh_organisation");
            e.HasKey(o => o.OdsCode);
            e.Property(o => o.OdsCode).HasMaxLength(8);
            e.Property(o => o.Name).HasMaxLength(200).IsRequired();
            e.Property(o => o.GlhCode).HasMaxLength(64).IsRequired();
            e.HasOne<GlhRow>().WithMany().HasForeignKey(o => o.GlhCode).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SpecialistTestRow>(e =>
        {
            e.ToTable("orders_glh_specialist_test");
            e.HasKey(s => s.Code);
            e.Property(s => s.Code).HasMaxLength(16);
            e.Property(s => s.Name).HasMaxLength(400).IsRequired();
            e.Property(s => s.GlhCodes).HasMaxLength(1000).IsRequired();
        });
    }

    private static void Json<T>(PropertyBuilder<List<T>> property) =>
        property.HasConversion(
                v => JsonSerializer.Serialize(v, s_json),
                v => JsonSerializer.Deserialize<List<T>>(v, s_json) ?? new List<T>(),
                new ValueComparer<List<T>>(
                    (a, b) => JsonSerializer.Serialize(a, s_json) == JsonSerializer.Serialize(b, s_json),
                    v => JsonSerializer.Serialize(v, s_json).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, s_json), s_json)!))
            .IsRequired();
}

/// <summary>A GLH row.</summary>
public sealed class GlhRow
{
    /// <summary>Code.</summary>
    public required string Code { get; set; }

    /// <summary>Name.</summary>
    public required string Name { get; set; }
}

/// <summary>A referring organisation row.</summary>
public sealed class OrganisationRow
{
    /// <summary>ODS code.</summary>
    public required string OdsCode { get; set; }

    /// <summary>Name.</summary>
    public required string Name { get; set; }

    /// <summary>GLH code.</summary>
    public required string GlhCode { get; set; }
}

/// <summary>A specialist test row.</summary>
public sealed class SpecialistTestRow
{
    /// <summary>Test or indication code.</summary>
    public required string Code { get; set; }

    /// <summary>Name.</summary>
    public required string Name { get; set; }

    /// <summary>GLH codes, <c>;</c>-separated, in order of preference.</summary>
    public required string GlhCodes { get; set; }
}
