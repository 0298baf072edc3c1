using Payung.Shared;

namespace Payung.Registry.EditWorker;

/// <summary>
/// Everything about a worker but the NIK, which is the person's identity and never edited here. <c>version</c>
/// is the one the client read (<c>GET</c> answers it): when given and the worker changed since, the edit is
/// refused instead of silently overwriting the other change. Without it the last write wins.
/// </summary>
public sealed record EditWorkerRequest(
    string? Kk,
    string? FullName,
    string? BirthPlace,
    string? BirthDate,
    string? Sex,
    string? VillageCode,
    string? Address,
    string? Rt,
    string? Rw,
    string? Phone,
    string? OccupationCode,
    long? MonthlyIncome,
    int? DtsenDecile,
    string? Status,
    string? DeathDate,
    uint? Version)
{
    internal WorkerDetails? ReadDetails(DateOnly today, IDictionary<string, List<RuleMessage>> errors) =>
        WorkerRules.ReadDetails(Kk, FullName, BirthPlace, BirthDate, Sex, VillageCode, Address, Rt, Rw, Phone,
            OccupationCode, MonthlyIncome, DtsenDecile, Status, DeathDate, today, errors);
}
