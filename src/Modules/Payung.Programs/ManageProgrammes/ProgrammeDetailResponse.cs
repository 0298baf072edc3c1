namespace Payung.Programs.ManageProgrammes;

/// <summary>
/// A programme with what it has spent so far: <c>committed</c> sums the enrolments' committed amounts; billed and
/// paid come with billing. Participants are counted per enrolment status. For a co-funded programme the ceiling and
/// the committed amount are also given as the funder's and the co-funder's parts (<see cref="CofundingSplit"/>);
/// null without a co-funder.
/// </summary>
public sealed record ProgrammeDetailResponse(
    ProgrammeResponse Programme,
    long Committed,
    long Remaining,
    int ActiveParticipants,
    int WaitingParticipants,
    int EndedParticipants,
    CofundingSplit? CeilingSplit,
    CofundingSplit? CommittedSplit);
