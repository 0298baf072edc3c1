using System.Text;

namespace Payung.Infrastructure.Spreadsheets;

/// <summary>
/// The reasons only the file reader can see, shared by every import: stable codes stored per row (with the column
/// after a '|': <c>import.formula_not_allowed|Nama Lengkap</c>) and their Indonesian text.
/// </summary>
public static class SheetReasons
{
    public const string FormulaNotAllowed = "import.formula_not_allowed";
    public const string ControlCharacter = "import.control_character";
    public const string CellTooLong = "import.cell_too_long";

    public static IReadOnlyDictionary<string, string> Texts { get; } = new Dictionary<string, string>
    {
        [FormulaNotAllowed] = "Sel berisi rumus; isi dengan nilai biasa, bukan rumus.",
        [ControlCharacter] = "Sel berisi karakter kendali yang tidak terlihat; ketik ulang isinya.",
        [CellTooLong] = "Isi sel terlalu panjang.",
    };

    /// <summary>A stored reason as its code and the column it concerns (after a '|'), if any.</summary>
    public static (string Code, string? Column) Split(string stored)
    {
        var bar = stored.IndexOf('|');
        return bar < 0 ? (stored, null) : (stored[..bar], stored[(bar + 1)..]);
    }

    /// <summary>A reason's text naming the column it concerns.</summary>
    public static string InColumn(string text, string? column) => column is null ? text : $"{text} (kolom {column})";
}

/// <summary>
/// A cell's text as an import may store it: whitespace runs (including tabs and line breaks typed into a cell)
/// become one space; control and invisible formatting characters are replaced and flagged, never stored; formulas
/// (a formula cell, or text a spreadsheet would run as one: CSV injection) and over-long cells are flagged.
/// "-" is how many lists write "nothing". One instance per reader: it reuses its buffer.
/// </summary>
public sealed class SheetCellCleaner
{
    private readonly StringBuilder cleaned = new();

    /// <summary>The cleaned text, or null when empty; problems are added to <paramref name="flags"/> as <c>code|header</c>.</summary>
    public string? Clean(SheetCell cell, string header, List<string> flags)
    {
        if (cell.Kind == SheetCellKind.Empty || string.IsNullOrEmpty(cell.Text))
        {
            return null;
        }

        if (cell.Kind == SheetCellKind.Formula)
        {
            flags.Add($"{SheetReasons.FormulaNotAllowed}|{header}");
        }

        cleaned.Clear();
        var control = false;
        var space = false;
        foreach (var ch in cell.Text)
        {
            if (ch is ' ' or '\t' or '\r' or '\n' or '\u00A0')
            {
                space = cleaned.Length > 0;
                continue;
            }

            if (space)
            {
                cleaned.Append(' ');
                space = false;
            }

            if (IsControl(ch))
            {
                control = true;
                cleaned.Append('\uFFFD');
            }
            else
            {
                cleaned.Append(ch);
            }
        }

        if (control)
        {
            flags.Add($"{SheetReasons.ControlCharacter}|{header}");
        }

        if (cleaned.Length > ImportLimits.MaxCellLength)
        {
            cleaned.Length = ImportLimits.MaxCellLength;
            flags.Add($"{SheetReasons.CellTooLong}|{header}");
        }

        if (cleaned.Length == 0 || (cleaned.Length == 1 && cleaned[0] == '-'))
        {
            return null;
        }

        var text = cleaned.ToString();
        if (cell.Kind != SheetCellKind.Formula && SheetCell.LooksLikeFormula(text))
        {
            flags.Add($"{SheetReasons.FormulaNotAllowed}|{header}");
        }

        return text;
    }

    private static bool IsControl(char ch) =>
        char.IsControl(ch)
        || ch is >= '\u200B' and <= '\u200F' // zero-width characters and direction marks
        || ch is >= '\u202A' and <= '\u202E' // bidirectional embeddings and overrides
        || ch is >= '\u2066' and <= '\u2069' // bidirectional isolates
        || ch == '\uFEFF';
}
