namespace Payung.Shared;

/// <summary>Kemendagri administrative levels: provinsi, kabupaten/kota, kecamatan, desa/kelurahan.</summary>
public enum RegionLevel
{
    Province,
    Regency,
    District,
    Village,
}
