using Microsoft.EntityFrameworkCore;

namespace Payung.Regions;

internal sealed class RegionsDbContext(DbContextOptions<RegionsDbContext> options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("regions");
        modelBuilder.Entity<Region>(e =>
        {
            e.ToTable("region");
            e.HasKey(r => r.Code);
            e.Property(r => r.Code).HasColumnName("code");
            e.Property(r => r.Level).HasColumnName("level");
            e.Property(r => r.ParentCode).HasColumnName("parent_code");
            e.Property(r => r.Name).HasColumnName("name");
            e.Property(r => r.DistrictCount).HasColumnName("district_count");
            e.Property(r => r.VillageCount).HasColumnName("village_count");
            e.Property(r => r.DesaCount).HasColumnName("desa_count");
            e.Property(r => r.KelurahanCount).HasColumnName("kelurahan_count");
            e.Property(r => r.ValidFrom).HasColumnName("valid_from");
            e.Property(r => r.ValidTo).HasColumnName("valid_to");
        });
    }
}
