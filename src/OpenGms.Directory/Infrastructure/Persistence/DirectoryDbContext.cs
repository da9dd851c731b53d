using Microsoft.EntityFrameworkCore;

namespace OpenGms.Directory.Infrastructure.Persistence;

/// <summary>The directory module's tables (prefixed <c>directory_</c>); one subclass per database provider.</summary>
internal abstract class DirectoryDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<EditionRow> Editions => Set<EditionRow>();

    public DbSet<IndicationRow> Indications => Set<IndicationRow>();

    public DbSet<TestRow> Tests => Set<TestRow>();

    public DbSet<TargetRow> Targets => Set<TargetRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EditionRow>(e =>
        {
            e.ToTable("directory_edition");
            e.HasKey(x => x.Id);
            e.Property(x => x.Key).HasMaxLength(100);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Version).HasMaxLength(60);
            e.Property(x => x.SourceFormat).HasMaxLength(40);
            e.Property(x => x.SourceFile).HasMaxLength(400);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => x.Sha256).IsUnique();
            e.HasMany(x => x.Indications).WithOne(x => x.Edition).HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<IndicationRow>(e =>
        {
            e.ToTable("directory_indication");
            e.HasKey(x => x.Id);
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.CodeSearch).HasMaxLength(20);
            e.HasIndex(x => new { x.EditionId, x.CodeSearch }).IsUnique();
            e.HasMany(x => x.Tests).WithOne(x => x.Indication).HasForeignKey(x => x.IndicationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TestRow>(e =>
        {
            e.ToTable("directory_test");
            e.HasKey(x => x.Id);
            e.Property(x => x.Code).HasMaxLength(20);
            e.Property(x => x.CodeSearch).HasMaxLength(20);
            e.Property(x => x.Methods).HasMaxLength(200);
            e.HasIndex(x => new { x.EditionId, x.CodeSearch }).IsUnique();
            e.HasOne<EditionRow>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.NoAction);
            e.HasMany(x => x.Targets).WithOne(x => x.Test).HasForeignKey(x => x.TestId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TargetRow>(e =>
        {
            e.ToTable("directory_test_target");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Symbol).HasMaxLength(40);
            e.Property(x => x.SymbolSearch).HasMaxLength(40);
            e.Property(x => x.HgncId).HasMaxLength(20);
            e.HasIndex(x => new { x.SymbolSearch, x.EditionId });
            e.HasIndex(x => new { x.PanelId, x.EditionId });
            e.HasIndex(x => x.HgncId);
            e.HasOne<EditionRow>().WithMany().HasForeignKey(x => x.EditionId).OnDelete(DeleteBehavior.NoAction);
        });
    }
}
