using System.Text.RegularExpressions;

namespace Payung.BrowserTests.Crawl;

/// <summary>
/// Indonesian words that have no business on an English page: function words and the labels of this
/// application's buttons and headings. Indonesian legal and administrative terms that the English pages keep on
/// purpose (NIK, KK, KPJ, desa, kecamatan, kabupaten, APBD, Dana Desa, mandiri, iuran…) are not in the list, and
/// data (names, regions) is marked <c>translate="no"</c> on the pages and left out of the text read.
/// </summary>
public static partial class IndonesianWords
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        // Function words.
        "dan", "yang", "untuk", "tidak", "belum", "dengan", "atau", "dari", "oleh", "pada", "ini", "itu", "akan",
        "sudah", "harus", "bisa", "dapat", "bila", "jika", "ke", "di", "sebagai", "dalam", "tanpa", "semua", "setiap",
        "lebih", "paling", "sedang", "telah", "juga", "hanya", "masih", "baru", "lagi", "bagi",
        // Labels of this application.
        "simpan", "tampilkan", "halaman", "batal", "cari", "kembali", "berikutnya", "sebelumnya", "tanggal", "jumlah",
        "nama", "ubah", "daftarkan", "tutup", "aktifkan", "unduh", "unggah", "pilih", "peserta", "tagihan", "pekerja",
        "pemberi", "sumber", "wilayah", "pekerjaan", "bulan", "tahun", "lihat", "hapus", "kirim", "keluar",
        "terbitkan", "catat", "menunggu", "aktif", "selesai", "ditutup", "draf", "laki-laki", "perempuan", "hidup",
        "meninggal", "perlindungan", "terdaftar", "ditolak", "berhasil", "gagal", "baris", "berkas", "wajib",
        "pengguna", "kata", "sandi", "peran", "alasan", "catatan", "keterangan", "pembayaran", "dibayar",
        "penghasilan", "alamat", "kelamin", "lahir", "terakhir", "periode", "pagu", "terikat", "sisa", "usia",
        "ditagih", "riwayat", "perubahan", "beranda", "bahasa",
    };

    /// <summary>Each Indonesian word found once, with the words around it so the page text can be found.</summary>
    public static IReadOnlyList<string> Found(string text) =>
        Word().Matches(text).Where(m => Words.Contains(m.Value))
            .DistinctBy(m => m.Value, StringComparer.OrdinalIgnoreCase)
            .Select(m => $"{m.Value} (\"{Around(text, m)}\")")
            .Order(StringComparer.OrdinalIgnoreCase).ToList();

    private static string Around(string text, Match m)
    {
        var from = Math.Max(0, m.Index - 30);
        var to = Math.Min(text.Length, m.Index + m.Length + 30);
        return string.Join(' ', text[from..to].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex(@"\p{L}+(?:-\p{L}+)?")]
    private static partial Regex Word();
}
