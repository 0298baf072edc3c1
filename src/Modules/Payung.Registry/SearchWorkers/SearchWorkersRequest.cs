namespace Payung.Registry.SearchWorkers;

/// <param name="Nik">Exact NIK; the only filter that also finds merged records.</param>
/// <param name="Q">Part of the name, matched fuzzily on the normalised name ("Muh. Rizki" finds "Muhammad Rizky").</param>
/// <param name="Village">A region code: workers living in it (a village, or a kecamatan and everything inside).</param>
/// <param name="Occupation">An occupation code.</param>
public sealed record SearchWorkersRequest(string? Nik, string? Q, string? Village, string? Occupation, int? Page, int? PageSize);
