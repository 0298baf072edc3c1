namespace Payung.Programs.ManageRates;

/// <summary>One version of the income basis a BPU participant may declare, in whole rupiah.</summary>
public sealed record IncomeBasisLimitResponse(string Version, long MinBasis, long MaxBasis, string EffectiveFrom, string? EffectiveTo, string Regulation);
