using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Payung.Infrastructure.Spreadsheets;

/// <summary>
/// Writes the workbooks operators download (the template, the error workbook): one sheet, a bold header
/// row, every cell text in text-formatted columns, so that Excel keeps a 16-digit NIK typed into them as
/// text instead of turning it into 1,80106E+15. Rows stream through OpenXmlWriter into a temporary file
/// (the packaging library needs a seekable target), which is then copied to <c>output</c>.
/// </summary>
public static class ImportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint TextStyle = 1;
    private const uint HeaderStyle = 2;

    public static async Task WriteAsync(Stream output, string sheetName, IReadOnlyList<string> headers, IReadOnlyList<double> widths,
        IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"payung-{Guid.NewGuid():N}.xlsx");
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        using (var document = SpreadsheetDocument.Create(target, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetViews());
                writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
                writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteStartElement(new Columns());
                for (var i = 0; i < headers.Count; i++)
                {
                    writer.WriteElement(new Column
                    {
                        Min = (uint)i + 1,
                        Max = (uint)i + 1,
                        Width = i < widths.Count ? widths[i] : 18,
                        CustomWidth = true,
                        Style = TextStyle,
                    });
                }

                writer.WriteEndElement();
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, 1, headers, HeaderStyle);
                uint rowIndex = 2;
                await foreach (var row in rows.WithCancellation(ct))
                {
                    WriteRow(writer, rowIndex++, row, TextStyle);
                }

                writer.WriteEndElement(); // sheetData
                writer.WriteEndElement(); // worksheet
            }

            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }

        target.Position = 0;
        await target.CopyToAsync(output, ct);
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, IReadOnlyList<string?> values, uint style)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrEmpty(values[i]))
            {
                continue;
            }

            writer.WriteElement(new Cell
            {
                CellReference = ColumnName(i) + index,
                DataType = CellValues.InlineString,
                StyleIndex = style,
                InlineString = new InlineString(new Text(values[i]!) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }

        writer.WriteEndElement();
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }

        return name;
    }

    // 0 default, 1 text (number format 49 "@"), 2 bold text header, 3 italic note.
    private static Stylesheet Stylesheet() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Italic(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, FontId = 1, FillId = 0, BorderId = 0, ApplyNumberFormat = true, ApplyFont = true },
            new CellFormat { NumberFormatId = 49, FontId = 2, FillId = 0, BorderId = 0, ApplyNumberFormat = true, ApplyFont = true }) { Count = 4 });
}
