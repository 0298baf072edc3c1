namespace Payung.Programs.ManageProgrammes;

/// <summary>
/// A programme with what it has spent so far: <c>committed</c> sums the enrolments' committed amounts; billed and
/// paid come with billing. Participants are counted per enrolment status.
/// </summary>
public sealed record ProgrammeDetailResponse(
    ProgrammeResponse Programme,
    long Committed,
    long Remaining,
    int ActiveParticipants,
    int WaitingParticipants,
    int EndedParticipants);
