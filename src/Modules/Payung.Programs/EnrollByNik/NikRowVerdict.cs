using Payung.Shared;

namespace Payung.Programs.EnrollByNik;

/// <summary>
/// What became of one NIK of a list or file: <see cref="Row"/> is its row in the file (or line in the list),
/// <see cref="Nik"/> the NIK as written, masked as the caller's scope requires; the verdict is an enrolment's
/// (<c>enrolled</c>, <c>waiting</c>) or <c>rejected</c> with its reasons.
/// </summary>
public sealed record NikRowVerdict(
    int Row,
    string? Nik,
    string Verdict,
    IReadOnlyList<RuleMessage> Reasons,
    Guid? WorkerId = null,
    Guid? EnrollmentId = null,
    Guid? OtherProgrammeId = null);
