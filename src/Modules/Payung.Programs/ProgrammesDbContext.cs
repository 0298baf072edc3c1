using Microsoft.EntityFrameworkCore;
using Payung.Shared;

namespace Payung.Programs;

/// <summary>
/// Funders and programmes, region-scoped. Enrolment and funded months (same schema) are written with SQL by
/// their own use cases and deliberately not mapped here.
/// </summary>
public sealed class ProgrammesDbContext(DbContextOptions<ProgrammesDbContext> options, CallerContext caller)
    : ScopedDbContext(options, caller)
{
    public DbSet<Funder> Funders => Set<Funder>();
    public DbSet<Programme> Programmes => Set<Programme>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema("programs");
        b.Entity<Funder>(e =>
        {
            e.ToTable("funder");
            e.HasKey(f => f.Id);
            e.Property(f => f.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(f => f.Name).HasColumnName("name");
            e.Property(f => f.Kind).HasColumnName("kind").HasConversion(k => ToCode(k), s => FunderKindOf(s));
            e.Property(f => f.RegionCode).HasColumnName("region_code");
            e.Property(f => f.RegencyCode).HasColumnName("regency_code")
                .HasComputedColumnSql("case when length(region_code) >= 5 then left(region_code, 5) end", stored: true);
            e.Property(f => f.CreatedAt).HasColumnName("created_at");
            e.Property(f => f.UpdatedAt).HasColumnName("updated_at");
        });
        b.Entity<Programme>(e =>
        {
            e.ToTable("programme");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(p => p.Name).HasColumnName("name");
            e.Property(p => p.FunderId).HasColumnName("funder_id");
            e.Property(p => p.FundingSource).HasColumnName("funding_source");
            e.Property(p => p.FiscalYear).HasColumnName("fiscal_year");
            e.Property(p => p.BudgetCeiling).HasColumnName("budget_ceiling");
            e.Property(p => p.MonthFrom).HasColumnName("month_from").HasColumnType("date")
                .HasConversion(m => m.FirstDay, d => ContributionMonth.FromFirstDay(d));
            e.Property(p => p.MonthTo).HasColumnName("month_to").HasColumnType("date")
                .HasConversion(m => m.FirstDay, d => ContributionMonth.FromFirstDay(d));
            e.Property(p => p.IncludeJht).HasColumnName("include_jht");
            e.Property(p => p.IncomeBasis).HasColumnName("income_basis");
            e.Property(p => p.TargetParticipants).HasColumnName("target_participants");
            e.Property(p => p.VillageTarget).HasColumnName("village_target");
            e.Property(p => p.VillageQuota).HasColumnName("village_quota");
            e.Property(p => p.MinAge).HasColumnName("min_age");
            e.Property(p => p.MaxAge).HasColumnName("max_age");
            e.Property(p => p.DomicileCodes).HasColumnName("domicile_codes");
            e.Property(p => p.OccupationCodes).HasColumnName("occupation_codes");
            e.Property(p => p.MaxDtsenDecile).HasColumnName("max_dtsen_decile");
            e.Property(p => p.ExcludeDeceased).HasColumnName("exclude_deceased");
            e.Property(p => p.ExcludeAlreadyFunded).HasColumnName("exclude_already_funded");
            e.Property(p => p.CofunderId).HasColumnName("cofunder_id");
            e.Property(p => p.CofunderSharePercent).HasColumnName("cofunder_share_percent").HasColumnType("numeric(5,2)");
            e.Property(p => p.Status).HasColumnName("status").HasConversion(s => ToCode(s), s => StatusOf(s));
            e.Property(p => p.RegionCode).HasColumnName("region_code");
            e.Property(p => p.RegencyCode).HasColumnName("regency_code")
                .HasComputedColumnSql("case when length(region_code) >= 5 then left(region_code, 5) end", stored: true);
            e.Property(p => p.CreatedAt).HasColumnName("created_at");
            e.Property(p => p.UpdatedAt).HasColumnName("updated_at");
            e.HasOne<Funder>().WithMany().HasForeignKey(p => p.FunderId);
            e.HasOne<Funder>().WithMany().HasForeignKey(p => p.CofunderId);
        });
        ApplyRegionScopeFilters(b);
        // A programme is also visible to district and village operators inside its region: the kabupaten's programme
        // is where a desa operator enrols its villagers. Seeing is not managing: changes check ManagesProgramme.
        b.Entity<Programme>().HasQueryFilter(p => Scope.AllRegions
            || (p.RegencyCode != null && Scope.Regencies.Contains(p.RegencyCode)
                && (Scope.Within == null || p.RegionCode.StartsWith(Scope.Within) || Scope.Within.StartsWith(p.RegionCode + "."))));
    }

    /// <summary>Whether the caller may change this programme: its region lies within the caller's scope.</summary>
    public bool ManagesProgramme(Programme programme) => Scope.Covers(programme.RegionCode);

    public static string ToCode(FunderKind kind) => kind switch
    {
        FunderKind.Pemkab => "pemkab",
        FunderKind.Pemkot => "pemkot",
        FunderKind.Pemprov => "pemprov",
        FunderKind.Pemdes => "pemdes",
        _ => "company",
    };

    public static FunderKind FunderKindOf(string code) => code switch
    {
        "pemkab" => FunderKind.Pemkab,
        "pemkot" => FunderKind.Pemkot,
        "pemprov" => FunderKind.Pemprov,
        "pemdes" => FunderKind.Pemdes,
        "company" => FunderKind.Company,
        _ => throw new InvalidOperationException($"Unknown funder kind '{code}'."),
    };

    public static string ToCode(ProgrammeStatus status) => status switch
    {
        ProgrammeStatus.Active => "active",
        ProgrammeStatus.Closed => "closed",
        _ => "draft",
    };

    public static ProgrammeStatus StatusOf(string code) => code switch
    {
        "draft" => ProgrammeStatus.Draft,
        "active" => ProgrammeStatus.Active,
        "closed" => ProgrammeStatus.Closed,
        _ => throw new InvalidOperationException($"Unknown programme status '{code}'."),
    };
}
