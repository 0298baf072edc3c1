namespace Payung.Programs.ManageProgrammes;

/// <summary>
/// What a programme list asks for, as typed (every part optional): <c>q</c> a part of the name (case-insensitive),
/// <c>region</c> a region code, <c>funderId</c>, <c>status</c> (draft, active, ended, closed) and <c>year</c> the
/// fiscal year. <see cref="ListProgrammes"/> checks it.
/// </summary>
public sealed record ProgrammeFilter(string? Q = null, string? Region = null, string? FunderId = null, string? Status = null, int? Year = null);
