namespace Payung.Access;

/// <summary>A BPJS Ketenagakerjaan branch office and the regencies it serves.</summary>
public sealed class BpjsBranch
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public List<BpjsBranchRegency> Regencies { get; init; } = [];
}

public sealed class BpjsBranchRegency
{
    public required string BranchCode { get; init; }
    public required string RegencyCode { get; init; }
}
