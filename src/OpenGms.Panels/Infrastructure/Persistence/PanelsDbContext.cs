using Microsoft.EntityFrameworkCore;
using OpenGms.Panels.Domain;

namespace OpenGms.Panels.Infrastructure.Persistence;

/// <summary>The panels module's tables (prefix <c>panels_</c>); one subclass per provider carries its migrations.</summary>
public abstract class PanelsDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Panels.</summary>
    public DbSet<Panel> Panels => Set<Panel>();

    /// <summary>Panel versions, side by side.</summary>
    public DbSet<PanelVersion> Versions => Set<PanelVersion>();

    /// <summary>Genes, STRs and regions of each version.</summary>
    public DbSet<PanelEntity> Entities => Set<PanelEntity>();

    /// <summary>Child panels of super-panel versions.</summary>
    public DbSet<PanelComponent> Components => Set<PanelComponent>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Panel>(panel =>
        {
            panel.ToTable("panels_panel");
            panel.HasKey(p => p.Id);
            panel.Property(p => p.Id).ValueGeneratedNever();
            panel.Property(p => p.Name).HasMaxLength(400);
            panel.Property(p => p.DiseaseGroup).HasMaxLength(400);
            panel.Property(p => p.DiseaseSubGroup).HasMaxLength(400);
            panel.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PanelId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PanelVersion>(version =>
        {
            version.ToTable("panels_panel_version");
            version.HasKey(v => v.Key);
            version.Property(v => v.Key).ValueGeneratedOnAdd();
            version.HasIndex(v => new { v.PanelId, v.Version }).IsUnique();
            version.Property(v => v.Version).HasMaxLength(32);
            version.Property(v => v.Name).HasMaxLength(400);
            version.Property(v => v.DiseaseGroup).HasMaxLength(400);
            version.Property(v => v.DiseaseSubGroup).HasMaxLength(400);
            version.Property(v => v.Status).HasMaxLength(40);
            version.Property(v => v.EntityChecksum).HasMaxLength(64);
            version.Ignore(v => v.SignedOff);
            version.Ignore(v => v.IsSuperPanel);
            version.Ignore(v => v.ClinicalIndicationCodes);
            version.HasMany(v => v.Entities).WithOne().HasForeignKey(e => e.VersionKey).OnDelete(DeleteBehavior.Cascade);
            version.HasMany(v => v.Components).WithOne().HasForeignKey(c => c.VersionKey).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PanelEntity>(entity =>
        {
            entity.ToTable("panels_entity");
            entity.HasKey(e => e.Key);
            entity.Property(e => e.Key).ValueGeneratedOnAdd();
            entity.HasIndex(e => e.VersionKey);
            entity.HasIndex(e => e.GeneSymbol);
            entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
            entity.Property(e => e.Confidence).HasConversion<string>().HasMaxLength(16);
            entity.Property(e => e.EntityName).HasMaxLength(200);
            entity.Property(e => e.GeneSymbol).HasMaxLength(64);
            entity.Property(e => e.HgncId).HasMaxLength(32);
            entity.Ignore(e => e.Identity);
        });

        modelBuilder.Entity<PanelComponent>(component =>
        {
            component.ToTable("panels_component");
            component.HasKey(c => new { c.VersionKey, c.ChildPanelId });
            component.Property(c => c.ChildVersion).HasMaxLength(32);
            component.Property(c => c.ChildName).HasMaxLength(400);
        });
    }
}
