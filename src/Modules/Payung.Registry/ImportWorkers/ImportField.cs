namespace Payung.Registry.ImportWorkers;

/// <summary>The columns an import file may carry, in the template's order (also the staging table's).</summary>
internal enum ImportField
{
    Nik,
    Kk,
    FullName,
    BirthPlace,
    BirthDate,
    Sex,
    VillageCode,
    Address,
    Rt,
    Rw,
    Phone,
    Occupation,
    MonthlyIncome,
    DtsenDecile,
    Status,
    DeathDate,
}
