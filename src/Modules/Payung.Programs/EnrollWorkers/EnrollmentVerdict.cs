using Payung.Shared;

namespace Payung.Programs.EnrollWorkers;

/// <summary>What became of one candidate: <c>enrolled</c>, <c>waiting</c> or <c>rejected</c>, and why.</summary>
public sealed record EnrollmentVerdict(
    Guid WorkerId,
    string Verdict,
    IReadOnlyList<RuleMessage> Reasons,
    Guid? EnrollmentId = null,
    Guid? OtherProgrammeId = null);
