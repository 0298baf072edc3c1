using Payung.Shared;

namespace Payung.Programs;

public enum ProgrammeStatus
{
    Draft,
    Active,
    Closed,
}

/// <summary>
/// One budget line paying contributions for enrolled workers over a range of months. It is edited while a draft,
/// then activated (enrolment may start) and finally closed. It lies in its funder's region: a regency for a
/// kabupaten/kota, a village for village funds.
/// </summary>
[Audited("programme")]
public sealed class Programme : IRegionScoped
{
    private Programme()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public Guid FunderId { get; private set; }
    public string FundingSource { get; private set; } = "";
    public int FiscalYear { get; private set; }
    public long BudgetCeiling { get; private set; }
    public ContributionMonth MonthFrom { get; private set; }
    public ContributionMonth MonthTo { get; private set; }
    public bool IncludeJht { get; private set; }
    public long? IncomeBasis { get; private set; }
    public int TargetParticipants { get; private set; }
    /// <summary>Participants each village should reach (a minimum: "1 Desa 100 Pekerja Rentan"); null when none.</summary>
    public int? VillageTarget { get; private set; }
    /// <summary>At most this many active enrolments per village (a cap a funder chose); null when none.</summary>
    public int? VillageQuota { get; private set; }
    public int? MinAge { get; private set; }
    public int? MaxAge { get; private set; }
    public string[] DomicileCodes { get; private set; } = [];
    public string[] OccupationCodes { get; private set; } = [];
    public short? MaxDtsenDecile { get; private set; }
    public bool ExcludeDeceased { get; private set; }
    public bool ExcludeAlreadyFunded { get; private set; }
    public Guid? CofunderId { get; private set; }
    public decimal? CofunderSharePercent { get; private set; }
    public ProgrammeStatus Status { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string? RegencyCode { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Programme Draft(ProgrammeDetails details, string regionCode, DateTimeOffset now)
    {
        var programme = new Programme { Id = Guid.CreateVersion7(now), Status = ProgrammeStatus.Draft, CreatedAt = now };
        programme.Apply(details, regionCode, now);
        return programme;
    }

    /// <summary>Only a draft changes: once active, enrolments and commitments rest on its terms.</summary>
    public void Edit(ProgrammeDetails details, string regionCode, DateTimeOffset now)
    {
        if (Status != ProgrammeStatus.Draft)
        {
            throw new InvalidOperationException($"Programme {Id} is {Status}; only a draft may be edited.");
        }

        Apply(details, regionCode, now);
    }

    public void Activate(DateTimeOffset now)
    {
        if (Status != ProgrammeStatus.Draft)
        {
            throw new InvalidOperationException($"Programme {Id} is {Status}; only a draft may be activated.");
        }

        Status = ProgrammeStatus.Active;
        UpdatedAt = now;
    }

    public void Close(DateTimeOffset now)
    {
        if (Status != ProgrammeStatus.Active)
        {
            throw new InvalidOperationException($"Programme {Id} is {Status}; only an active programme may be closed.");
        }

        Status = ProgrammeStatus.Closed;
        UpdatedAt = now;
    }

    private void Apply(ProgrammeDetails d, string regionCode, DateTimeOffset now)
    {
        Name = d.Name;
        FunderId = d.FunderId;
        FundingSource = d.FundingSource;
        FiscalYear = d.FiscalYear;
        BudgetCeiling = d.BudgetCeiling;
        MonthFrom = d.MonthFrom;
        MonthTo = d.MonthTo;
        IncludeJht = d.IncludeJht;
        IncomeBasis = d.IncomeBasis;
        TargetParticipants = d.TargetParticipants;
        VillageTarget = d.VillageTarget;
        VillageQuota = d.VillageQuota;
        MinAge = d.MinAge;
        MaxAge = d.MaxAge;
        DomicileCodes = d.DomicileCodes;
        OccupationCodes = d.OccupationCodes;
        MaxDtsenDecile = d.MaxDtsenDecile;
        ExcludeDeceased = d.ExcludeDeceased;
        ExcludeAlreadyFunded = d.ExcludeAlreadyFunded;
        CofunderId = d.CofunderId;
        CofunderSharePercent = d.CofunderSharePercent;
        RegionCode = regionCode;
        UpdatedAt = now;
    }
}

/// <summary>The editable terms of a programme, already validated.</summary>
public sealed record ProgrammeDetails(
    string Name,
    Guid FunderId,
    string FundingSource,
    int FiscalYear,
    long BudgetCeiling,
    ContributionMonth MonthFrom,
    ContributionMonth MonthTo,
    bool IncludeJht,
    long? IncomeBasis,
    int TargetParticipants,
    int? VillageQuota,
    int? MinAge,
    int? MaxAge,
    string[] DomicileCodes,
    string[] OccupationCodes,
    short? MaxDtsenDecile,
    bool ExcludeDeceased,
    bool ExcludeAlreadyFunded,
    Guid? CofunderId,
    decimal? CofunderSharePercent,
    int? VillageTarget = null);
