using Payung.Shared;

namespace Payung.Registry.RegisterWorker;

/// <summary>
/// A new worker as typed. Dates are <c>yyyy-MM-dd</c> text and codes are text so that each broken field gets its
/// own Indonesian message instead of one unreadable-body error. <c>status</c> may be left out: a death date
/// alone means deceased.
/// </summary>
public sealed record RegisterWorkerRequest(
    string? Nik,
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
    string? DeathDate)
{
    internal WorkerDetails? ReadDetails(DateOnly today, IDictionary<string, List<RuleMessage>> errors) =>
        WorkerRules.ReadDetails(Kk, FullName, BirthPlace, BirthDate, Sex, VillageCode, Address, Rt, Rw, Phone,
            OccupationCode, MonthlyIncome, DtsenDecile, Status, DeathDate, today, errors);
}
