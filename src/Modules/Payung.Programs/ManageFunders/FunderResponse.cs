namespace Payung.Programs.ManageFunders;

/// <summary>A funder as the API shows it; <c>kind</c> is pemkab, pemkot, pemprov, pemdes or company.</summary>
public sealed record FunderResponse(Guid Id, string Name, string Kind, string RegionCode, string? RegionName, DateTimeOffset CreatedAt);
