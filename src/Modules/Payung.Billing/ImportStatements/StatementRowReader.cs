using System.Globalization;
using Payung.Infrastructure.Spreadsheets;
using Payung.Shared;

namespace Payung.Billing.ImportStatements;

/// <summary>One statement row on its way to the staging table: the cells as written (cleaned), the formats read, the reader's flags.</summary>
internal sealed class StatementRow
{
    public int RowNumber { get; set; }

    public string?[] Text { get; } = new string?[StatementColumns.Count];

    public List<string> Flags { get; } = [];

    public string? this[StatementField field] => Text[(int)field];

    /// <summary>yyyy-MM, or the first day of the month (what Excel makes of "2026-05" typed into a cell).</summary>
    public DateOnly? Month => this[StatementField.Month] switch
    {
        null => null,
        var text when ContributionMonth.TryParse(text, out var month) => month.FirstDay,
        var text when SheetValues.Date(text) is { Day: 1 } first => first,
        _ => null,
    };

    public long? Amount => SheetValues.Rupiah(this[StatementField.Amount]);

    public DateOnly? PaidOn => this[StatementField.PaidOn] is { } text
        && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The ledger's source: <c>self_paid</c> for mandiri, <c>programme</c> for a programme-funded month.</summary>
    public string? Source => this[StatementField.Source]?.ToLowerInvariant() switch
    {
        "mandiri" or "sendiri" or "self_paid" or "bpu mandiri" => "self_paid",
        "program" or "programme" or "pemda" or "didanai program" => "programme",
        _ => null,
    };
}

/// <summary>
/// The data rows of a statement file, streamed and cleaned by the shared spreadsheet reading (formulas, control
/// characters and over-long cells flagged; the file refused when it is not a spreadsheet, lacks headers, is empty or
/// too long). Required headers: Bulan, Jumlah, Tanggal Bayar, Sumber, and NIK or KPJ.
/// </summary>
internal sealed class StatementRowReader : SheetRowSource
{
    private readonly SheetHeaders headers;

    private StatementRowReader(ISheetReader sheet, ImportLimits limits, SheetHeaders headers)
        : base(sheet, limits) => this.headers = headers;

    public StatementRow Current { get; } = new();

    public override IReadOnlyList<string> IgnoredHeaders => headers.Ignored;

    public static StatementRowReader Open(ImportFormat format, Stream stream, ImportLimits limits) =>
        Open(format, stream, limits, sheet => new StatementRowReader(sheet, limits, MapHeaders(sheet.Cells.ToArray())));

    private static SheetHeaders MapHeaders(IReadOnlyList<SheetCell> header)
    {
        var headers = SheetHeaders.Map(header,
            StatementColumns.All.Select(c => new SheetColumn(c.Header, c.Required, c.Aliases)).ToList(), StatementColumns.ExtraHeaders);
        if (headers.ColumnOf((int)StatementField.Nik) < 0 && headers.ColumnOf((int)StatementField.Kpj) < 0)
        {
            List<string> missing = ["NIK atau KPJ"];
            throw new ImportRefusedException("import.headers_missing", "Judul kolom wajib tidak ditemukan pada baris pertama.", 422,
                "Berkas harus memiliki kolom NIK atau KPJ (boleh keduanya). Unduh templat untuk melihat judul kolom yang benar.")
            {
                Data = { ["missing"] = missing },
            };
        }

        return headers;
    }

    protected override bool Fill()
    {
        var row = Current;
        row.RowNumber = Sheet.RowNumber;
        row.Flags.Clear();
        var cells = Sheet.Cells;
        var any = false;
        foreach (var column in StatementColumns.All)
        {
            var index = headers.ColumnOf((int)column.Field);
            var cell = index >= 0 && index < cells.Count ? cells[index] : SheetCell.Empty;
            // Excel keeps 15 significant digits: a NIK stored as a number has already lost its last digit.
            if (cell.Kind == SheetCellKind.Number && column.Field == StatementField.Nik)
            {
                row.Flags.Add(StatementReasons.NikExcelFloat);
            }

            var text = Cleaner.Clean(cell, column.Header, row.Flags);
            row.Text[(int)column.Field] = text;
            any |= text is not null;
        }

        return any;
    }
}
