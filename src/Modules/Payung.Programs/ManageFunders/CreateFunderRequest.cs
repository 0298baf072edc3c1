namespace Payung.Programs.ManageFunders;

/// <summary>A new funder as typed: <c>kind</c> is pemkab, pemkot, pemprov, pemdes or company; <c>regionCode</c> its seat.</summary>
public sealed record CreateFunderRequest(string? Name, string? Kind, string? RegionCode);
