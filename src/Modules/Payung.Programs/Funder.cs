namespace Payung.Programs;

/// <summary>Who pays: a regional government (kabupaten, kota, provinsi), a village government, or a company through CSR.</summary>
public enum FunderKind
{
    Pemkab,
    Pemkot,
    Pemprov,
    Pemdes,
    Company,
}

/// <summary>
/// A body that funds contributions, located in its region. The regency code is derived by the database (null for a
/// province), so a province's funder is visible to national callers only, as every record without a regency is.
/// </summary>
[Audited("funder")]
public sealed class Funder : IRegionScoped
{
    private Funder()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public FunderKind Kind { get; private set; }
    public string RegionCode { get; private set; } = "";
    public string? RegencyCode { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Funder Create(string name, FunderKind kind, string regionCode, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = name,
        Kind = kind,
        RegionCode = regionCode,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
