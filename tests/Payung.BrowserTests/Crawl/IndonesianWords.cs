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

    public static IReadOnlyList<string> Found(string text) =>
        Word().Matches(text).Select(m => m.Value).Where(Words.Contains)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();

    [GeneratedRegex(@"\p{L}+(?:-\p{L}+)?")]
    private static partial Regex Word();
}
