using Payung.Infrastructure;

namespace Payung.Registry;

public enum WorkerStatus
{
    Alive,
    Deceased,
}

/// <summary>
/// A pekerja rentan in the registry. The NIK is unique nationwide (a database constraint); the region
/// codes above the village are derived by the database from the village code.
/// </summary>
[Audited("worker")]
public sealed class Worker : IRegionScoped
{
    private Worker()
    {
    }

    public Guid Id { get; private set; }
    public string Nik { get; private set; } = "";
    public string? Kk { get; private set; }
    public string FullName { get; private set; } = "";

    /// <summary>Normalised name (generated column) for duplicate detection and search.</summary>
    public string NameKey { get; private set; } = "";

    public string? BirthPlace { get; private set; }
    public DateOnly BirthDate { get; private set; }
    public string Sex { get; private set; } = "";
    public string VillageCode { get; private set; } = "";
    public string DistrictCode { get; private set; } = "";
    public string? RegencyCode { get; private set; }
    public string ProvinceCode { get; private set; } = "";
    public string? Address { get; private set; }
    public string? Rt { get; private set; }
    public string? Rw { get; private set; }
    public string? Phone { get; private set; }
    public string OccupationCode { get; private set; } = "";
    public long? MonthlyIncome { get; private set; }
    public short? DtsenDecile { get; private set; }
    public WorkerStatus Status { get; private set; }
    public DateOnly? DeathDate { get; private set; }
    public string[] NikWarnings { get; private set; } = [];
    public Guid? MergedInto { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>PostgreSQL's xmin: two operators editing the same worker cannot overwrite each other.</summary>
    public uint RowVersion { get; private set; }

    string? IRegionScoped.RegionCode => VillageCode;

    public static Worker Register(WorkerDetails details, string nik, string[] nikWarnings, DateTimeOffset now)
    {
        var worker = new Worker { Id = Guid.CreateVersion7(now), Nik = nik, CreatedAt = now };
        worker.Apply(details, nikWarnings, now);
        return worker;
    }

    public void Edit(WorkerDetails details, string[] nikWarnings, DateTimeOffset now) => Apply(details, nikWarnings, now);

    /// <summary>A NIK typed wrong at registration, corrected; the old one stays in the audit trail.</summary>
    public void CorrectNik(string nik, string[] nikWarnings, DateTimeOffset now)
    {
        Nik = nik;
        NikWarnings = nikWarnings;
        UpdatedAt = now;
    }

    public void MarkMergedInto(Guid survivor, DateTimeOffset now)
    {
        MergedInto = survivor;
        UpdatedAt = now;
    }

    private void Apply(WorkerDetails d, string[] nikWarnings, DateTimeOffset now)
    {
        Kk = d.Kk;
        FullName = d.FullName;
        BirthPlace = d.BirthPlace;
        BirthDate = d.BirthDate;
        Sex = d.Sex;
        VillageCode = d.VillageCode;
        Address = d.Address;
        Rt = d.Rt;
        Rw = d.Rw;
        Phone = d.Phone;
        OccupationCode = d.OccupationCode;
        MonthlyIncome = d.MonthlyIncome;
        DtsenDecile = d.DtsenDecile;
        Status = d.DeathDate is null ? WorkerStatus.Alive : WorkerStatus.Deceased;
        DeathDate = d.DeathDate;
        NikWarnings = nikWarnings;
        UpdatedAt = now;
    }
}

/// <summary>The editable facts of a worker, already validated.</summary>
public sealed record WorkerDetails(
    string? Kk,
    string FullName,
    string? BirthPlace,
    DateOnly BirthDate,
    string Sex,
    string VillageCode,
    string? Address,
    string? Rt,
    string? Rw,
    string? Phone,
    string OccupationCode,
    long? MonthlyIncome,
    short? DtsenDecile,
    DateOnly? DeathDate);
