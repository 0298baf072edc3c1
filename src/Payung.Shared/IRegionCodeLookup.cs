namespace Payung.Shared;

/// <summary>Whether an area code is on the official Kemendagri list (implemented by the Regions module).</summary>
public interface IRegionCodeLookup
{
    bool Exists(RegionCode code);

    /// <summary>
    /// The code as a former code with the region it is today, or null when the code is current or was never a
    /// region. Lookups without a list of former codes (test doubles of <see cref="Exists"/>) know none.
    /// </summary>
    FormerRegionCode? FindFormer(RegionCode code) => null;
}
