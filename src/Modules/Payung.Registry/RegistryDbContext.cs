using Microsoft.EntityFrameworkCore;
using Payung.Infrastructure;

namespace Payung.Registry;

public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options, CallerContext caller)
    : ScopedDbContext(options, caller)
{
    public DbSet<Worker> Workers => Set<Worker>();
    public DbSet<Occupation> Occupations => Set<Occupation>();
    public DbSet<DuplicateCandidate> DuplicateCandidates => Set<DuplicateCandidate>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema("registry");
        b.Entity<Worker>(e =>
        {
            e.ToTable("worker");
            e.HasKey(w => w.Id);
            e.Property(w => w.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(w => w.Nik).HasColumnName("nik");
            e.Property(w => w.Kk).HasColumnName("kk");
            e.Property(w => w.FullName).HasColumnName("full_name");
            e.Property(w => w.NameKey).HasColumnName("name_key").HasComputedColumnSql("registry.normalize_name(full_name)", stored: true);
            e.Property(w => w.BirthPlace).HasColumnName("birth_place");
            e.Property(w => w.BirthDate).HasColumnName("birth_date");
            e.Property(w => w.Sex).HasColumnName("sex");
            e.Property(w => w.VillageCode).HasColumnName("village_code");
            e.Property(w => w.DistrictCode).HasColumnName("district_code").HasComputedColumnSql("left(village_code, 8)", stored: true);
            e.Property(w => w.RegencyCode).HasColumnName("regency_code").IsRequired().HasComputedColumnSql("left(village_code, 5)", stored: true);
            e.Property(w => w.ProvinceCode).HasColumnName("province_code").HasComputedColumnSql("left(village_code, 2)", stored: true);
            e.Property(w => w.Address).HasColumnName("address");
            e.Property(w => w.Rt).HasColumnName("rt");
            e.Property(w => w.Rw).HasColumnName("rw");
            e.Property(w => w.Phone).HasColumnName("phone");
            e.Property(w => w.OccupationCode).HasColumnName("occupation_code");
            e.Property(w => w.MonthlyIncome).HasColumnName("monthly_income");
            e.Property(w => w.DtsenDecile).HasColumnName("dtsen_decile");
            e.Property(w => w.Status).HasColumnName("status")
                .HasConversion(s => s == WorkerStatus.Deceased ? "deceased" : "alive", s => s == "deceased" ? WorkerStatus.Deceased : WorkerStatus.Alive);
            e.Property(w => w.DeathDate).HasColumnName("death_date");
            e.Property(w => w.NikWarnings).HasColumnName("nik_warnings");
            e.Property(w => w.MergedInto).HasColumnName("merged_into");
            e.Property(w => w.CreatedAt).HasColumnName("created_at");
            e.Property(w => w.UpdatedAt).HasColumnName("updated_at");
            e.Property(w => w.RowVersion).IsRowVersion();
            e.HasOne<Occupation>().WithMany().HasForeignKey(w => w.OccupationCode);
            e.HasOne<Worker>().WithMany().HasForeignKey(w => w.MergedInto);
        });
        b.Entity<Occupation>(e =>
        {
            e.ToTable("occupation");
            e.HasKey(o => o.Code);
            e.Property(o => o.Code).HasColumnName("code");
            e.Property(o => o.Name).HasColumnName("name");
            e.Property(o => o.Sector).HasColumnName("sector");
            e.Property(o => o.SortOrder).HasColumnName("sort_order");
            e.Property(o => o.IsActive).HasColumnName("is_active");
        });
        b.Entity<DuplicateCandidate>(e =>
        {
            e.ToTable("duplicate_candidate");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(d => d.WorkerId).HasColumnName("worker_id");
            e.Property(d => d.OtherWorkerId).HasColumnName("other_worker_id");
            e.Property(d => d.Reason).HasColumnName("reason").HasConversion(
                r => r == DuplicateReason.SameKkName ? "same_kk_name" : r == DuplicateReason.NikOneDigitApart ? "nik_one_digit_apart" : "same_name_birth_date",
                s => s == "same_kk_name" ? DuplicateReason.SameKkName : s == "nik_one_digit_apart" ? DuplicateReason.NikOneDigitApart : DuplicateReason.SameNameBirthDate);
            e.Property(d => d.Evidence).HasColumnName("evidence").HasColumnType("jsonb");
            e.Property(d => d.Status).HasColumnName("status").HasConversion(
                s => s == DuplicateStatus.Merged ? "merged" : s == DuplicateStatus.Dismissed ? "dismissed" : "open",
                s => s == "merged" ? DuplicateStatus.Merged : s == "dismissed" ? DuplicateStatus.Dismissed : DuplicateStatus.Open);
            e.Property(d => d.RegencyCode).HasColumnName("regency_code").IsRequired();
            e.Property(d => d.RegionCode).HasColumnName("region_code").IsRequired();
            e.Property(d => d.CreatedAt).HasColumnName("created_at");
            e.Property(d => d.ResolvedAt).HasColumnName("resolved_at");
            e.Property(d => d.ResolvedBy).HasColumnName("resolved_by");
            e.Property(d => d.ResolutionNote).HasColumnName("resolution_note");
            e.HasOne<Worker>().WithMany().HasForeignKey(d => d.WorkerId);
            e.HasOne<Worker>().WithMany().HasForeignKey(d => d.OtherWorkerId);
        });
        ApplyRegionScopeFilters(b);
    }
}
