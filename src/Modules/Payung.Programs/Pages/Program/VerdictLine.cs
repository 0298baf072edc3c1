using Payung.Programs.EnrollByNik;
using Payung.Programs.EnrollWorkers;
using Payung.Registry.Contracts;
using Payung.Shared;

namespace Payung.Programs.Pages.Program;

/// <summary>One candidate's verdict as the enrolment page shows it: the row it came from (lists and files), NIK, name, reasons.</summary>
public sealed record VerdictLine(int? Row, string? Nik, string? Name, string Verdict, IReadOnlyList<RuleMessage> Reasons)
{
    public static IReadOnlyList<VerdictLine> Of(IEnumerable<EnrollmentVerdict> verdicts, IReadOnlyDictionary<Guid, WorkerIdentity> workers) =>
        verdicts.Select(v => new VerdictLine(null, workers.GetValueOrDefault(v.WorkerId)?.Nik, workers.GetValueOrDefault(v.WorkerId)?.FullName,
            v.Verdict, v.Reasons)).ToList();

    public static IReadOnlyList<VerdictLine> Of(IEnumerable<NikRowVerdict> rows, IReadOnlyDictionary<Guid, WorkerIdentity> workers) =>
        rows.Select(r => new VerdictLine(r.Row, r.Nik, r.WorkerId is { } id ? workers.GetValueOrDefault(id)?.FullName : null,
            r.Verdict, r.Reasons)).ToList();

    public static string Label(string verdict) => verdict switch
    {
        "enrolled" => ProgramsText.T["Terdaftar"],
        "waiting" => ProgramsText.T["Daftar tunggu"],
        _ => ProgramsText.T["Ditolak"],
    };

    public static string Badge(string verdict) => verdict switch
    {
        "enrolled" => "text-bg-success",
        "waiting" => "text-bg-warning",
        _ => "text-bg-danger",
    };
}
