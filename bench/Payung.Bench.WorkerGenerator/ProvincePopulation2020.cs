namespace Payung.Bench.WorkerGenerator;

/// <summary>
/// Population by province from the 2020 census (BPS, "Hasil Sensus Penduduk 2020", released 21 January 2021;
/// national total 270.20 million), in thousands, rounded as published per province. The census predates the 2022
/// Papua split: Papua's figure is shared among Papua, Papua Selatan, Papua Tengah and Papua Pegunungan, and
/// Papua Barat's between Papua Barat and Papua Barat Daya, in proportion to their village counts — an
/// approximation that only moves weight inside the two old provinces.
/// </summary>
internal static class ProvincePopulation2020
{
    public static readonly IReadOnlyDictionary<string, double> Thousands = new Dictionary<string, double>
    {
        ["11"] = 5_274.9,  // Aceh
        ["12"] = 14_799.4, // Sumatera Utara
        ["13"] = 5_534.5,  // Sumatera Barat
        ["14"] = 6_394.1,  // Riau
        ["15"] = 3_548.2,  // Jambi
        ["16"] = 8_467.4,  // Sumatera Selatan
        ["17"] = 2_010.7,  // Bengkulu
        ["18"] = 9_007.8,  // Lampung
        ["19"] = 1_455.7,  // Kepulauan Bangka Belitung
        ["21"] = 2_064.6,  // Kepulauan Riau
        ["31"] = 10_562.1, // DKI Jakarta
        ["32"] = 48_274.2, // Jawa Barat
        ["33"] = 36_516.0, // Jawa Tengah
        ["34"] = 3_668.7,  // DI Yogyakarta
        ["35"] = 40_665.7, // Jawa Timur
        ["36"] = 11_904.6, // Banten
        ["51"] = 4_317.4,  // Bali
        ["52"] = 5_320.1,  // Nusa Tenggara Barat
        ["53"] = 5_325.6,  // Nusa Tenggara Timur
        ["61"] = 5_414.4,  // Kalimantan Barat
        ["62"] = 2_670.0,  // Kalimantan Tengah
        ["63"] = 4_073.6,  // Kalimantan Selatan
        ["64"] = 3_766.0,  // Kalimantan Timur
        ["65"] = 701.8,    // Kalimantan Utara
        ["71"] = 2_621.9,  // Sulawesi Utara
        ["72"] = 2_985.7,  // Sulawesi Tengah
        ["73"] = 9_073.5,  // Sulawesi Selatan
        ["74"] = 2_624.9,  // Sulawesi Tenggara
        ["75"] = 1_171.7,  // Gorontalo
        ["76"] = 1_419.2,  // Sulawesi Barat
        ["81"] = 1_848.9,  // Maluku
        ["82"] = 1_282.9,  // Maluku Utara
    };

    /// <summary>2020 provinces that have since been split, with the codes of their successors.</summary>
    public static readonly IReadOnlyList<(double Thousands, string[] Successors)> SplitSince2020 =
    [
        (4_303.7, ["91", "93", "94", "95"]), // Papua → Papua, Papua Selatan, Papua Tengah, Papua Pegunungan
        (1_134.1, ["92", "96"]),             // Papua Barat → Papua Barat, Papua Barat Daya
    ];
}
