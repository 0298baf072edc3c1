using System.Globalization;
using Payung.Infrastructure.Pages;
using Payung.Registry.EditWorker;
using Payung.Registry.GetWorker;
using Payung.Registry.RegisterWorker;

namespace Payung.Registry.Pages.Pekerja;

/// <summary>
/// The register and edit forms as typed, every field text. Form field names are the API's (<c>fullName</c>,
/// <c>villageCode</c>, …) so that a refusal's per-field messages land next to the right input. Only the two numbers
/// are read here (a form sends text); everything else is the use case's to judge.
/// </summary>
public sealed class WorkerForm
{
    public string? Nik { get; set; }
    public string? Kk { get; set; }
    public string? FullName { get; set; }
    public string? BirthPlace { get; set; }
    public string? BirthDate { get; set; }
    public string? Sex { get; set; }
    public string? VillageCode { get; set; }
    public string? Address { get; set; }
    public string? Rt { get; set; }
    public string? Rw { get; set; }
    public string? Phone { get; set; }
    public string? OccupationCode { get; set; }
    public string? MonthlyIncome { get; set; }
    public string? DtsenDecile { get; set; }
    public string? Status { get; set; }
    public string? DeathDate { get; set; }
    public uint? Version { get; set; }

    public static WorkerForm From(WorkerResponse w) => new()
    {
        Nik = w.Nik,
        Kk = w.Kk,
        FullName = w.FullName,
        BirthPlace = w.BirthPlace,
        BirthDate = DisplayFormat.Iso(w.BirthDate),
        Sex = w.Sex,
        VillageCode = w.VillageCode,
        Address = w.Address,
        Rt = w.Rt,
        Rw = w.Rw,
        Phone = w.Phone,
        OccupationCode = w.OccupationCode,
        MonthlyIncome = w.MonthlyIncome?.ToString(CultureInfo.InvariantCulture),
        DtsenDecile = w.DtsenDecile?.ToString(CultureInfo.InvariantCulture),
        Status = w.Status,
        DeathDate = DisplayFormat.Iso(w.DeathDate),
        Version = w.Version,
    };

    public RegisterWorkerRequest ToRegisterRequest() =>
        new(Nik, Kk, FullName, BirthPlace, BirthDate, Sex, VillageCode, Address, Rt, Rw, Phone, OccupationCode,
            Income(), Decile(), Status, DeathDate);

    public EditWorkerRequest ToEditRequest() =>
        new(Kk, FullName, BirthPlace, BirthDate, Sex, VillageCode, Address, Rt, Rw, Phone, OccupationCode,
            Income(), Decile(), Status, DeathDate, Version);

    // Text that is no number becomes a number out of range, so the use case refuses it with the very message it
    // gives a wrong number, next to all the other fields' messages at once.
    private long? Income()
    {
        // Written the Indonesian way (1.500.000) or plain; "Rp" in front is common too.
        var typed = MonthlyIncome?.Replace("Rp", "", StringComparison.OrdinalIgnoreCase).Replace(".", "").Replace(" ", "").Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return null;
        }

        return long.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var income) ? income : -1;
    }

    private int? Decile()
    {
        if (string.IsNullOrWhiteSpace(DtsenDecile))
        {
            return null;
        }

        return int.TryParse(DtsenDecile.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var decile) ? decile : 0;
    }
}
