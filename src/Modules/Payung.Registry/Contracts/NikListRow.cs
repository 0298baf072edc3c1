namespace Payung.Registry.Contracts;

/// <summary>
/// One data row of a NIK list: the spreadsheet's row number, the NIK cell as written (trimmed), null when empty, and the
/// optional "Tanggal terdaftar BPJS" cell as written (the day BPJS registered the participant, for an enrolment
/// recorded after the fact).
/// </summary>
public sealed record NikListRow(int RowNumber, string? Text, string? MembershipStart = null);
