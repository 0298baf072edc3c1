using Microsoft.EntityFrameworkCore;

namespace Payung.Access.ManageUsers;

/// <summary>One user, if the caller's scope contains it; otherwise it does not exist for the caller.</summary>
public sealed class GetUser(AccessDbContext db)
{
    public async Task<Outcome<UserResponse>> ExecuteAsync(Guid id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(UserResponse.FromEntity).SingleOrDefaultAsync(ct);
        return user is null ? NotFound : user;
    }

    internal static Refusal NotFound => Refusal.NotFound("user.not_found", "Pengguna tidak ditemukan.");
}
