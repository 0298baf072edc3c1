namespace Payung.Shared;

/// <summary>What a person or machine may do; each role carries a region scope of its own level.</summary>
public enum Role
{
    NationalAdmin,
    ProvinceViewer,
    DisnakerOperator,
    KecamatanOperator,
    DesaOperator,
    BpjsOfficer,
    ExecutiveViewer,
}
