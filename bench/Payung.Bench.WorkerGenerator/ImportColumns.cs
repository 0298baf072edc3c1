namespace Payung.Bench.WorkerGenerator;

/// <summary>
/// The import's column headers (Indonesian, as operators see them) and their positions, as in
/// src/Modules/Payung.Registry/ImportWorkers/ImportColumns.cs (which also accepts aliases such as "No. KK").
/// </summary>
internal static class ImportColumns
{
    public const int Nik = 0;
    public const int Kk = 1;
    public const int FullName = 2;
    public const int BirthPlace = 3;
    public const int BirthDate = 4;
    public const int Sex = 5;
    public const int VillageCode = 6;
    public const int Address = 7;
    public const int Rt = 8;
    public const int Rw = 9;
    public const int Phone = 10;
    public const int Occupation = 11;
    public const int MonthlyIncome = 12;
    public const int DtsenDecile = 13;
    public const int Status = 14;
    public const int DeathDate = 15;

    public static readonly string[] Headers =
    [
        "NIK", "No KK", "Nama Lengkap", "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin", "Kode Desa", "Alamat",
        "RT", "RW", "No HP", "Pekerjaan", "Penghasilan Bulanan", "Desil DTSEN", "Status", "Tanggal Meninggal",
    ];

    /// <summary>Columns a row cannot be registered without (<c>not null</c> in registry.worker).</summary>
    public static readonly int[] Required = [Nik, FullName, BirthDate, Sex, VillageCode, Occupation];
}
