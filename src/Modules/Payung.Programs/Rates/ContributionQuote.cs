using Payung.Shared;

namespace Payung.Programs.Rates;

/// <summary>What one participant pays for one contribution month, per component, on which income basis, and which rule versions say so.</summary>
internal sealed record ContributionQuote(
    ContributionMonth Month,
    IReadOnlyDictionary<ContributionComponent, Rupiah> Amounts,
    Rupiah PerParticipant,
    string RateVersion,
    IncomeBasis Basis);
