using System.Text.RegularExpressions;

namespace Payung.Infrastructure.Spreadsheets;

/// <summary>How a spreadsheet stored a cell: what the import needs to refuse formulas and float NIKs.</summary>
public enum SheetCellKind
{
    Empty,
    Text,

    /// <summary>An xlsx number cell; <see cref="SheetCell.Text"/> holds it in invariant notation.</summary>
    Number,

    /// <summary>An xlsx number cell with a date format; <see cref="SheetCell.Text"/> is yyyy-MM-dd.</summary>
    Date,

    /// <summary>An xlsx cell holding a formula; <see cref="SheetCell.Text"/> is its cached value.</summary>
    Formula,
}

public readonly partial record struct SheetCell(SheetCellKind Kind, string? Text)
{
    public static SheetCell Empty => new(SheetCellKind.Empty, null);

    /// <summary>A formula cell, or text a spreadsheet would run as one when the file is opened again.</summary>
    public bool IsFormula => Kind == SheetCellKind.Formula || (Text is { } text && LooksLikeFormula(text.Trim()));

    /// <summary>
    /// A number where digits were wanted: an xlsx number cell, or CSV text in Excel's float notation (1,80106E+15).
    /// Excel keeps 15 significant digits, so the 16th digit of a NIK stored this way is already lost.
    /// </summary>
    public bool IsExcelFloat => Kind == SheetCellKind.Number || (Text is { } text && ExcelFloat().IsMatch(text.Trim()));

    /// <summary>
    /// Text a spreadsheet would run as a formula when the file is opened again (CSV injection): starting with
    /// '=' or '@', or with '+'/'-' followed by something other than a number (a phone number may start with +).
    /// </summary>
    public static bool LooksLikeFormula(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var first = text[0];
        if (first is '=' or '@')
        {
            return true;
        }

        if (first is not ('+' or '-'))
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) && text[i] is not (' ' or '.' or '-'))
            {
                return true;
            }
        }

        return false;
    }

    // The same pattern as the imports' SQL checks on staged NIKs (MergeStagedWorkers, MergeStatement).
    [GeneratedRegex("^[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]+$")]
    private static partial Regex ExcelFloat();
}
