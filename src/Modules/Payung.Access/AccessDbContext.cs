using Microsoft.EntityFrameworkCore;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Access;

public sealed class AccessDbContext(DbContextOptions<AccessDbContext> options, CallerContext caller)
    : ScopedDbContext(options, caller)
{
    public DbSet<AppUser> Users => Set<AppUser>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<BpjsBranch> Branches => Set<BpjsBranch>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema("access");
        b.Entity<AppUser>(e =>
        {
            e.ToTable("app_user");
            e.HasKey(u => u.Id);
            e.Property(u => u.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(u => u.Username).HasColumnName("username");
            e.Property(u => u.DisplayName).HasColumnName("display_name");
            e.Property(u => u.Role).HasColumnName("role").HasConversion(r => r.ToCode(), s => RoleCodes.Parse(s));
            e.Property(u => u.RegionCode).HasColumnName("scope_code");
            e.Property(u => u.BranchCode).HasColumnName("branch_code");
            e.Property(u => u.RegencyCode).HasColumnName("regency_code");
            e.Property(u => u.PasswordHash).HasColumnName("password_hash");
            e.Property(u => u.IsActive).HasColumnName("is_active");
            e.Property(u => u.FailedSignIns).HasColumnName("failed_sign_ins");
            e.Property(u => u.LockedUntil).HasColumnName("locked_until");
            e.Property(u => u.LastSignInAt).HasColumnName("last_sign_in_at");
            e.Property(u => u.CreatedAt).HasColumnName("created_at");
            e.Property(u => u.UpdatedAt).HasColumnName("updated_at");
            e.HasOne<BpjsBranch>().WithMany().HasForeignKey(u => u.BranchCode);
        });
        b.Entity<ApiKey>(e =>
        {
            e.ToTable("api_key");
            e.HasKey(k => k.Id);
            e.Property(k => k.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(k => k.Name).HasColumnName("name");
            e.Property(k => k.Prefix).HasColumnName("prefix");
            e.Property(k => k.SecretHash).HasColumnName("secret_hash");
            e.Property(k => k.Role).HasColumnName("role").HasConversion(r => r.ToCode(), s => RoleCodes.Parse(s));
            e.Property(k => k.RegionCode).HasColumnName("scope_code");
            e.Property(k => k.BranchCode).HasColumnName("branch_code");
            e.Property(k => k.RegencyCode).HasColumnName("regency_code");
            e.Property(k => k.CreatedBy).HasColumnName("created_by");
            e.Property(k => k.CreatedAt).HasColumnName("created_at");
            e.Property(k => k.RevokedAt).HasColumnName("revoked_at");
            e.Property(k => k.LastUsedAt).HasColumnName("last_used_at");
            e.HasOne<BpjsBranch>().WithMany().HasForeignKey(k => k.BranchCode);
            e.HasOne<AppUser>().WithMany().HasForeignKey(k => k.CreatedBy);
        });
        b.Entity<BpjsBranch>(e =>
        {
            e.ToTable("bpjs_branch");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasColumnName("code");
            e.Property(x => x.Name).HasColumnName("name");
            e.HasMany(x => x.Regencies).WithOne().HasForeignKey(r => r.BranchCode);
        });
        b.Entity<BpjsBranchRegency>(e =>
        {
            e.ToTable("bpjs_branch_regency");
            e.HasKey(x => new { x.BranchCode, x.RegencyCode });
            e.Property(x => x.BranchCode).HasColumnName("branch_code");
            e.Property(x => x.RegencyCode).HasColumnName("regency_code");
        });
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_log");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            e.Property(x => x.OccurredAt).HasColumnName("occurred_at");
            e.Property(x => x.ActorKind).HasColumnName("actor_kind");
            e.Property(x => x.ActorId).HasColumnName("actor_id");
            e.Property(x => x.ActorName).HasColumnName("actor_name");
            e.Property(x => x.RemoteIp).HasColumnName("remote_ip");
            e.Property(x => x.Action).HasColumnName("action");
            e.Property(x => x.Entity).HasColumnName("entity");
            e.Property(x => x.EntityId).HasColumnName("entity_id");
            e.Property(x => x.RegionCode).HasColumnName("region_code");
            e.Property(x => x.RegencyCode).HasColumnName("regency_code");
            e.Property(x => x.Before).HasColumnName("before").HasColumnType("jsonb");
            e.Property(x => x.After).HasColumnName("after").HasColumnType("jsonb");
        });
        ApplyRegionScopeFilters(b);
    }
}
