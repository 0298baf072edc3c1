using Payung.Shared;

namespace Payung.Programs.EnrollWorkers;

/// <summary>A worker inside the caller's scope with the programme's eligibility rules already evaluated by SQL.</summary>
internal sealed record EnrollmentCandidate(
    Guid WorkerId,
    string VillageCode,
    string RegencyCode,
    string Sector,
    bool AgeOk,
    bool RegionOk,
    bool OccupationOk,
    bool DecileOk,
    bool Deceased,
    bool Merged,
    bool AlreadyEnrolled,
    Guid? OtherProgrammeId)
{
    public List<RuleMessage> Reasons()
    {
        var reasons = new List<RuleMessage>();
        if (Merged)
        {
            reasons.Add(EnrollmentReasons.Merged);
        }

        if (Deceased)
        {
            reasons.Add(EnrollmentReasons.Deceased);
        }

        if (!AgeOk)
        {
            reasons.Add(EnrollmentReasons.Age);
        }

        if (!RegionOk)
        {
            reasons.Add(EnrollmentReasons.OutsideRegion);
        }

        if (!OccupationOk)
        {
            reasons.Add(EnrollmentReasons.Occupation);
        }

        if (!DecileOk)
        {
            reasons.Add(EnrollmentReasons.Decile);
        }

        if (AlreadyEnrolled)
        {
            reasons.Add(EnrollmentReasons.AlreadyEnrolled);
        }

        if (OtherProgrammeId is { } other)
        {
            reasons.Add(EnrollmentReasons.OverlappingFunding(other));
        }

        return reasons;
    }
}
