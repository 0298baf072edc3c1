namespace Payung.Shared;

/// <summary>Whether an area code is on the official Kemendagri list (implemented by the Regions module).</summary>
public interface IRegionCodeLookup
{
    bool Exists(RegionCode code);
}
