namespace Payung.Registry.RegisterWorker;

/// <summary>One entry of the maintained occupation list; <c>sector</c> drives rules such as transport-worker discounts.</summary>
public sealed record OccupationResponse(string Code, string Name, string Sector);
