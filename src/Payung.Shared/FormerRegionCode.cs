namespace Payung.Shared;

/// <summary>
/// A region code no longer on the Kemendagri list that NIKs still carry (a NIK keeps the code it was issued under),
/// with the region that carries on its area today: 91.01 Kabupaten Merauke became 93.01 in Papua Selatan in 2022.
/// </summary>
/// <param name="Code">The former code.</param>
/// <param name="Name">The name the area had under the former code.</param>
/// <param name="ValidUntil">The day the code stopped naming the area (the law that moved it took effect).</param>
/// <param name="Current">Today's code, after following every successor.</param>
/// <param name="CurrentName">Today's name: <c>Kabupaten Merauke</c>.</param>
/// <param name="CurrentProvinceName">The province the area lies in today: <c>Papua Selatan</c>.</param>
public sealed record FormerRegionCode(
    RegionCode Code,
    string Name,
    DateOnly ValidUntil,
    RegionCode Current,
    string CurrentName,
    string CurrentProvinceName);
