namespace Payung.Registry.Contracts;

/// <summary>One data row of a NIK list: the spreadsheet's row number and the NIK cell as written (trimmed), null when empty.</summary>
public sealed record NikListRow(int RowNumber, string? Text);
