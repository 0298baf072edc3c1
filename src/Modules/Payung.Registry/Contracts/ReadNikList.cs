using Payung.Infrastructure.Spreadsheets;
using Payung.Registry.ImportWorkers;

namespace Payung.Registry.Contracts;

/// <summary>
/// Reads a list of NIKs: the column headed "NIK" (or "No KTP", "Nomor Induk Kependudukan", as in the worker import)
/// of the first sheet of an .xlsx or UTF-8 .csv, through the shared spreadsheet reading (size, kind by content, zip
/// bomb, UTF-8, header matching, row limit), and the optional column "Tanggal terdaftar BPJS" as written. Other
/// columns may be there and are not read. The whole file is refused
/// with an <see cref="ImportRefusedException"/> when it is not a spreadsheet, lacks the header, has no data row or
/// more than <see cref="ImportLimits.MaxRows"/>, holds a formula anywhere, or holds NIKs Excel stored as numbers:
/// those lost their last digits in every row.
/// </summary>
public static class ReadNikList
{
    public static IReadOnlyList<NikListRow> Run(Stream stream, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        var format = SpreadsheetFile.CheckSizeAndFormat(stream, limits);
        using var reader = NikListReader.Open(format, stream, limits);
        var rows = new List<NikListRow>();
        while (reader.Read())
        {
            rows.Add(reader.Current);
        }

        return rows.Count > 0 ? rows : throw ImportRefusedException.Empty();
    }

    private sealed class NikListReader : SheetRowSource
    {
        private static readonly ImportColumn Nik = ImportColumns.Of(ImportField.Nik);

        public const string MembershipStartHeader = "Tanggal terdaftar BPJS";

        private static readonly SheetColumn MembershipStart =
            new(MembershipStartHeader, false, ["Tanggal terdaftar", "Tgl terdaftar BPJS", "Tanggal kepesertaan", "TMT kepesertaan"]);

        private readonly SheetHeaders headers;

        private NikListReader(ISheetReader sheet, ImportLimits limits, SheetHeaders headers)
            : base(sheet, limits) => this.headers = headers;

        public NikListRow Current { get; private set; } = new(0, null);

        public override IReadOnlyList<string> IgnoredHeaders => headers.Ignored;

        public static NikListReader Open(ImportFormat format, Stream stream, ImportLimits limits) =>
            Open(format, stream, limits, sheet => new NikListReader(sheet, limits,
                SheetHeaders.Map(sheet.Cells.ToArray(), [new SheetColumn(Nik.Header, true, Nik.Aliases), MembershipStart], [])));

        /// <summary>Every row the sheet has counts, also one with an empty NIK: it gets its own verdict.</summary>
        protected override bool Fill()
        {
            var cells = Sheet.Cells;
            if (cells.Any(c => c.IsFormula))
            {
                throw ImportRefusedException.Formula(Sheet.RowNumber);
            }

            var index = headers.ColumnOf(0);
            var nik = index < cells.Count ? cells[index] : SheetCell.Empty;
            if (nik.IsExcelFloat)
            {
                throw new ImportRefusedException(ImportReasons.NikExcelFloat, "NIK tersimpan sebagai angka sehingga digit terakhirnya hilang.", 422,
                    $"Baris {Sheet.RowNumber}: format kolom NIK sebagai Teks, ketik ulang NIK-nya, lalu unggah lagi.");
            }

            var text = nik.Text?.Trim();
            var startIndex = headers.ColumnOf(1);
            var start = startIndex >= 0 && startIndex < cells.Count ? cells[startIndex].Text?.Trim() : null;
            Current = new NikListRow(Sheet.RowNumber, string.IsNullOrEmpty(text) ? null : text, string.IsNullOrEmpty(start) ? null : start);
            return true;
        }
    }
}
