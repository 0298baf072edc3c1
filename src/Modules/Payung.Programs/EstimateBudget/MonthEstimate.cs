namespace Payung.Programs.EstimateBudget;

/// <summary>One contribution month of an estimate, with the income basis and rule versions that priced it.</summary>
internal sealed record MonthEstimate(string Month, long PerParticipant, long Total, string RateVersion, long IncomeBasis, string IncomeBasisRule);
