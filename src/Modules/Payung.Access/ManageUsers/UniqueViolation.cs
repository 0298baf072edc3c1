using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Payung.Access.ManageUsers;

/// <summary>
/// A save refused by one named unique index. Checking beforehand cannot replace this: two requests can
/// race, and the scope filter hides rows outside the caller's region from any such check.
/// </summary>
internal static class UniqueViolation
{
    public static bool On(DbUpdateException e, string constraint) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg && pg.ConstraintName == constraint;
}
