namespace Payung.Registry.ImportWorkers;

/// <summary>
/// One data row on its way to the staging table: the cells as written (cleaned of control characters),
/// the values whose format could be read, and the problems only the reader can see (formulas, control
/// characters, numbers where a NIK belongs). Reused from row to row.
/// </summary>
internal sealed class StagedRow
{
    public int RowNumber { get; set; }

    /// <summary>The cell text per <see cref="ImportField"/>; null when empty or the column is absent.</summary>
    public string?[] Text { get; } = new string?[ImportColumns.Count];

    public List<string> Flags { get; } = [];

    public string? this[ImportField field] => Text[(int)field];

    public DateOnly? BirthDate => ImportValues.Date(this[ImportField.BirthDate]);

    public DateOnly? DeathDate => ImportValues.Date(this[ImportField.DeathDate]);

    public string? Sex => ImportValues.Sex(this[ImportField.Sex]);

    public string? Village(string? defaultVillage) => ImportValues.Village(this[ImportField.VillageCode]) ?? defaultVillage;

    public string? Phone => ImportValues.Phone(this[ImportField.Phone]);

    public long? Income => ImportValues.Income(this[ImportField.MonthlyIncome]);

    public short? Decile => ImportValues.Decile(this[ImportField.DtsenDecile]);

    public string? Status => ImportValues.Status(this[ImportField.Status]);

    public string? NikRegency => ImportValues.NikRegency(this[ImportField.Nik]);

    public string? NikDistrict => ImportValues.NikDistrict(this[ImportField.Nik]);
}
