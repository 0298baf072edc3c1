namespace Payung.Infrastructure;

/// <summary>
/// A record that lies in a region: <see cref="RegencyCode"/> (PP.RR, the future distribution column)
/// and <see cref="RegionCode"/>, the most precise code known (village, district or regency). Records
/// with no regency (national ones) are visible only to national callers.
/// </summary>
public interface IRegionScoped
{
    string? RegencyCode { get; }

    string? RegionCode { get; }
}
