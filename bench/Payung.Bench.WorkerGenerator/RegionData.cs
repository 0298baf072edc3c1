using Payung.Shared;

namespace Payung.Bench.WorkerGenerator;

/// <summary>
/// The official Kemendagri areas from <c>data/regions</c>, with villages grouped by province so that a
/// village can be drawn "like the population": a province by its 2020 census share, then a village
/// uniformly inside it (no village-level population is published with the code list).
/// </summary>
internal sealed class RegionData : IRegionCodeLookup
{
    private readonly HashSet<string> codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> regencyNames = new(StringComparer.Ordinal);
    private readonly string[] provinceCodes;
    private readonly double[] provinceCumulativeWeight;
    private readonly Dictionary<string, Village[]> villagesByProvince;
    private readonly Dictionary<string, string[]> regenciesByProvince;

    private RegionData(string directory)
    {
        foreach (var file in new[] { "provinces.csv", "regencies.csv", "districts.csv" })
        {
            foreach (var fields in ReadCsv(Path.Combine(directory, file)))
            {
                codes.Add(fields[0]);
                if (file == "regencies.csv")
                {
                    regencyNames[fields[0]] = fields[2];
                }
            }
        }

        var villages = new List<Village>(84_000);
        foreach (var fields in ReadCsv(Path.Combine(directory, "villages.csv")))
        {
            codes.Add(fields[0]);
            villages.Add(new Village(fields[0], fields[2]));
        }

        villagesByProvince = villages.GroupBy(v => v.Code[..2], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        regenciesByProvince = regencyNames.Keys.GroupBy(c => c[..2], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

        var weights = ProvinceWeights();
        provinceCodes = [.. weights.Keys.Order(StringComparer.Ordinal)];
        provinceCumulativeWeight = new double[provinceCodes.Length];
        var total = 0.0;
        for (var i = 0; i < provinceCodes.Length; i++)
        {
            total += weights[provinceCodes[i]];
            provinceCumulativeWeight[i] = total;
        }

        for (var i = 0; i < provinceCumulativeWeight.Length; i++)
        {
            provinceCumulativeWeight[i] /= total;
        }

        VillageCount = villages.Count;
    }

    public int VillageCount { get; }

    public static RegionData Load(string directory) => new(directory);

    public bool Exists(RegionCode code) => codes.Contains(code.Value);

    public bool Exists(string dottedCode) => codes.Contains(dottedCode);

    public Village PickVillage(Random random)
    {
        var found = Array.BinarySearch(provinceCumulativeWeight, random.NextDouble());
        var province = provinceCodes[Math.Min(found < 0 ? ~found : found, provinceCodes.Length - 1)];
        var villages = villagesByProvince[province];
        return villages[random.Next(villages.Length)];
    }

    public string PickRegencyInProvince(string provinceCode, Random random)
    {
        var regencies = regenciesByProvince[provinceCode];
        return regencies[random.Next(regencies.Length)];
    }

    public string RegencyName(string regencyCode) => regencyNames[regencyCode];

    /// <summary>Share of each province actually present in the region list, for the summary.</summary>
    public IEnumerable<(string Province, double Share)> ProvinceShares()
    {
        var previous = 0.0;
        for (var i = 0; i < provinceCodes.Length; i++)
        {
            yield return (provinceCodes[i], provinceCumulativeWeight[i] - previous);
            previous = provinceCumulativeWeight[i];
        }
    }

    private Dictionary<string, double> ProvinceWeights()
    {
        var weights = new Dictionary<string, double>(ProvincePopulation2020.Thousands, StringComparer.Ordinal);
        foreach (var (thousands, successors) in ProvincePopulation2020.SplitSince2020)
        {
            var villageTotal = successors.Sum(s => villagesByProvince.TryGetValue(s, out var v) ? v.Length : 0);
            foreach (var successor in successors.Where(villagesByProvince.ContainsKey))
            {
                weights[successor] = thousands * villagesByProvince[successor].Length / villageTotal;
            }
        }

        var missing = villagesByProvince.Keys.Where(p => !weights.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"No 2020 population for province(s) {string.Join(", ", missing)}; extend ProvincePopulation2020.");
        }

        foreach (var stale in weights.Keys.Where(p => !villagesByProvince.ContainsKey(p)).ToList())
        {
            weights.Remove(stale);
        }

        return weights;
    }

    /// <summary>The region CSVs quote a name that holds a comma ("Lubuk Pakam I,II") and double inner quotes.</summary>
    private static IEnumerable<string[]> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        _ = reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = new List<string>(3);
            var field = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }
}

/// <summary>A village (desa or kelurahan) by its dotted code <c>PP.RR.DD.VVVV</c>.</summary>
internal sealed record Village(string Code, string Name)
{
    public string ProvinceCode => Code[..2];

    public string RegencyCode => Code[..5];

    public string DistrictCode => Code[..8];

    /// <summary>The six NIK digits of the district: <c>PPRRDD</c>.</summary>
    public string DistrictDigits => string.Concat(Code.AsSpan(0, 2), Code.AsSpan(3, 2), Code.AsSpan(6, 2));

    /// <summary>Kelurahan (urban) codes start with 1, desa (rural) with 2.</summary>
    public bool IsKelurahan => Code[9] == '1';
}
