using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Access.SeedDemoUsers;

public sealed record DemoUser(string Username, Role Role, string Scope);

/// <summary>
/// One user per role in the seed regions (Lampung Selatan, Bandar Lampung, Bangka Selatan, Kaur, Lahat)
/// and the BPJS branches serving them. Idempotent: existing users and branches are left as they are.
/// </summary>
public sealed class SeedDemoUsers(AccessDbContext db, CallerContext caller, IPasswordHasher<AppUser> hasher, TimeProvider clock)
{
    public const string DefaultPassword = "PayungDemo2026!";

    private static readonly (string Code, string Name, string[] Regencies)[] Branches =
    [
        ("BDL", "BPJS Ketenagakerjaan Cabang Bandar Lampung", ["18.01", "18.71"]),
        ("LHT", "BPJS Ketenagakerjaan Cabang Lahat", ["16.04"]),
        ("PKP", "BPJS Ketenagakerjaan Cabang Pangkalpinang", ["19.03"]),
        ("BKL", "BPJS Ketenagakerjaan Cabang Bengkulu", ["17.04"]),
    ];

    public static readonly IReadOnlyList<(string Username, string DisplayName, Role Role, string? Scope, string? Branch)> Users =
    [
        ("admin", "Admin Nasional", Role.NationalAdmin, null, null),
        ("provinsi.lampung", "Pemantau Provinsi Lampung", Role.ProvinceViewer, "18", null),
        ("disnaker.lampungselatan", "Disnaker Kab. Lampung Selatan", Role.DisnakerOperator, "18.01", null),
        ("disnaker.bandarlampung", "Disnaker Kota Bandar Lampung", Role.DisnakerOperator, "18.71", null),
        ("dinsos.bangkaselatan", "Dinsos PPPA Kab. Bangka Selatan", Role.DisnakerOperator, "19.03", null),
        ("disnaker.kaur", "Disnaker Kab. Kaur", Role.DisnakerOperator, "17.04", null),
        ("disnaker.lahat", "Disnaker Kab. Lahat", Role.DisnakerOperator, "16.04", null),
        ("camat.kalianda", "Kecamatan Kalianda", Role.KecamatanOperator, "18.01.06", null),
        ("desa.jondong", "Operator Desa Jondong, Kalianda", Role.DesaOperator, "18.01.06.2001", null),
        ("desa.kembangayun", "Operator Desa Kembang Ayun, Lahat", Role.DesaOperator, "16.04.01.2001", null),
        ("bpjs.bandarlampung", "Petugas BPJS Cabang Bandar Lampung", Role.BpjsOfficer, null, "BDL"),
        ("bpjs.lahat", "Petugas BPJS Cabang Lahat", Role.BpjsOfficer, null, "LHT"),
        ("bupati.lampungselatan", "Pimpinan Kab. Lampung Selatan", Role.ExecutiveViewer, "18.01", null),
    ];

    public async Task<IReadOnlyList<DemoUser>> ExecuteAsync(string? password, CancellationToken ct = default)
    {
        caller.Scope = CallerScope.System("demo-seed");
        // Light statements, but the seed runs at start-up beside the heavy programme seed on a possibly busy machine.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var now = clock.GetUtcNow();
        var existingBranches = await db.Branches.Select(b => b.Code).ToListAsync(ct);
        foreach (var (code, name, regencies) in Branches.Where(b => !existingBranches.Contains(b.Code)))
        {
            db.Branches.Add(new BpjsBranch
            {
                Code = code,
                Name = name,
                Regencies = regencies.Select(r => new BpjsBranchRegency { BranchCode = code, RegencyCode = r }).ToList(),
            });
        }

        var existingUsers = await db.Users.Select(u => u.Username).ToListAsync(ct);
        foreach (var u in Users.Where(u => !existingUsers.Contains(u.Username)))
        {
            var scope = RoleScope.TryCreate(u.Role, u.Scope, u.Branch, out var error) ?? throw new InvalidOperationException(error);
            var user = AppUser.Create(u.Username, u.DisplayName, u.Role, scope, "", now);
            user.SetPassword(hasher.HashPassword(user, string.IsNullOrEmpty(password) ? DefaultPassword : password), now);
            db.Users.Add(user);
        }

        await db.SaveChangesAsync(ct);
        return Users.Select(u => new DemoUser(u.Username, u.Role, u.Scope ?? (u.Branch is null ? "nasional" : "cabang " + u.Branch))).ToList();
    }
}
