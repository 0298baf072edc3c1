namespace Payung.Bench.WorkerGenerator;

/// <summary>How a value is stored in an xlsx cell; in CSV every value is just its <see cref="FieldValue.Text"/>.</summary>
internal enum CellKind
{
    Text,

    /// <summary>A date cell (serial number with a date format), as Excel stores a typed date.</summary>
    Date,

    /// <summary>A numeric cell: whole numbers, or a NIK that Excel turned into a 15-significant-digit float.</summary>
    Number,

    /// <summary>A formula cell with its cached result.</summary>
    Formula,
}

/// <summary>
/// One cell: the CSV text, and for xlsx the cell kind, number, and formula with its cached result. A formula's
/// CSV text is the formula itself (what an injected cell looks like in a CSV), its xlsx cell a real formula.
/// </summary>
internal readonly record struct FieldValue(
    string Text, CellKind Kind = CellKind.Text, double Number = 0, string? Formula = null, string? Cached = null)
{
    public static readonly FieldValue Empty = new(string.Empty);

    public static implicit operator FieldValue(string text) => new(text);
}

/// <summary>One generated row, columns in <see cref="ImportColumns"/> order.</summary>
internal sealed class WorkerRow
{
    public WorkerRow(FieldValue[] values) => Values = values;

    public FieldValue[] Values { get; }

    public BadRowKind? BadKind { get; set; }

    public string? BadDetail { get; set; }

    /// <summary>The NIK text equals an earlier row's; left out of the <c>\copy</c> reference file.</summary>
    public bool RepeatsEarlierNikText { get; set; }

    public FieldValue this[int column]
    {
        get => Values[column];
        set => Values[column] = value;
    }

    public WorkerRow Copy() => new((FieldValue[])Values.Clone());
}

internal enum BadRowKind
{
    BadNik,
    UnknownRegion,
    MissingRequired,
    BadDate,
    DuplicateInFile,
    ExcelFloatNik,
    ControlCharacters,
    FormulaCell,
}
