namespace Payung.Shared;

/// <summary>
/// The outcome of <see cref="NikRules.Check"/>. Errors reject the NIK; warnings ask an operator to review it
/// (a NIK is never reissued, so a wrong encoded birth date stays wrong for life).
/// </summary>
/// <param name="Nik">Set whenever the input has the NIK shape (16 digits), even if other rules failed.</param>
/// <param name="BirthDate">The encoded birth date; null when it is not a valid date.</param>
/// <param name="Sex">The encoded sex; null when the birth date is not valid.</param>
/// <param name="DistrictCode">
/// The encoded kecamatan, set when its regency is known even if the kecamatan itself is not. Under a former regency
/// code (<see cref="NikRules.FormerRegionCode"/>) its digits are read under today's regency, which may name another
/// kecamatan where the split re-numbered them.
/// </param>
public sealed record NikCheckResult(
    IReadOnlyList<RuleMessage> Errors,
    IReadOnlyList<RuleMessage> Warnings,
    Nik? Nik,
    DateOnly? BirthDate,
    Sex? Sex,
    RegionCode? DistrictCode)
{
    public bool Valid => Errors.Count == 0;
}
