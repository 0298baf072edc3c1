using System.Globalization;
using Payung.Registry.ImportWorkers;
using Payung.Shared;

namespace Payung.Tests.Registry.Import;

/// <summary>One row of an import file by Indonesian header, with readable defaults for a valid worker.</summary>
internal sealed class ImportRowBuilder
{
    public Dictionary<string, string?> Cells { get; } = new(StringComparer.Ordinal);

    public static ImportRowBuilder Valid(NikGenerator nik, string village, string? name = null)
    {
        var (number, birth, sex) = nik.Next();
        var row = new ImportRowBuilder();
        row.Cells["NIK"] = number;
        row.Cells["Nama Lengkap"] = name ?? "Pekerja " + number[^4..];
        row.Cells["Tempat Lahir"] = "Kalianda";
        row.Cells["Tanggal Lahir"] = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        row.Cells["Jenis Kelamin"] = sex == Sex.Female ? "P" : "L";
        row.Cells["Kode Desa"] = village;
        row.Cells["Alamat"] = "Dusun Sukamaju";
        row.Cells["RT"] = "003";
        row.Cells["RW"] = "001";
        row.Cells["No HP"] = "081234567890";
        row.Cells["Pekerjaan"] = "petani";
        row.Cells["Penghasilan Bulanan"] = "1.500.000";
        row.Cells["Desil DTSEN"] = "2";
        row.Cells["Status"] = "hidup";
        return row;
    }

    public string? this[string header]
    {
        get => Cells.GetValueOrDefault(header);
        set => Cells[header] = value;
    }

    public string Nik => Cells["NIK"]!;

    public ImportRowBuilder With(string header, string? value)
    {
        Cells[header] = value;
        return this;
    }

    public static IReadOnlyList<string> Headers { get; } = ImportColumns.All.Select(c => c.Header).ToList();
}
