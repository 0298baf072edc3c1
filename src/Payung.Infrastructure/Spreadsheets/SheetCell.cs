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

public readonly record struct SheetCell(SheetCellKind Kind, string? Text)
{
    public static SheetCell Empty => new(SheetCellKind.Empty, null);
}
