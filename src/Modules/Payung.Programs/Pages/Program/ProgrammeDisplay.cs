using Payung.Infrastructure.Pages;
using Payung.Regions.Contracts;
using Payung.Registry.Contracts;

namespace Payung.Programs.Pages.Program;

/// <summary>How the programme pages write a programme's terms in words: funding sources, funder kinds, limits, lists.</summary>
public static class ProgrammeDisplay
{
    /// <summary>A funding source by name; an unknown code is shown as it is.</summary>
    public static string FundingSource(string? code) => code switch
    {
        "APBD" => ProgramsText.T["APBD (anggaran daerah)"],
        "APBD_P" => ProgramsText.T["APBD Perubahan"],
        "APBDES_ADD" => ProgramsText.T["APBDes dari Alokasi Dana Desa (ADD)"],
        "DANA_DESA" => ProgramsText.T["Dana Desa"],
        "DBH_CHT" => ProgramsText.T["Dana Bagi Hasil Cukai Hasil Tembakau (DBH CHT)"],
        "CSR" => ProgramsText.T["CSR perusahaan"],
        "OTHER" => ProgramsText.T["Sumber lain"],
        "SELF_PAID" => ProgramsText.T["Mandiri (dibayar peserta)"],
        _ => code ?? DisplayFormat.Empty,
    };

    public static readonly IReadOnlyList<string> FunderKinds = ["pemkab", "pemkot", "pemprov", "pemdes", "company"];

    public static string FunderKind(string? kind) => kind switch
    {
        "pemkab" => ProgramsText.T["Pemerintah kabupaten"],
        "pemkot" => ProgramsText.T["Pemerintah kota"],
        "pemprov" => ProgramsText.T["Pemerintah provinsi"],
        "pemdes" => ProgramsText.T["Pemerintah desa"],
        "company" => ProgramsText.T["Perusahaan (CSR)"],
        _ => kind ?? DisplayFormat.Empty,
    };

    /// <summary>"tanpa batas", "mulai 18 tahun", "sampai 64 tahun" or "18–64 tahun": never an empty bound.</summary>
    public static string AgeLimit(int? min, int? max) => (min, max) switch
    {
        (null, null) => ProgramsText.T["tanpa batas"],
        ({ } from, null) => ProgramsText.T.Format("mulai {0} tahun", from),
        (null, { } to) => ProgramsText.T.Format("sampai {0} tahun", to),
        ({ } from, { } to) => ProgramsText.T.Format("{0}–{1} tahun", from, to),
    };

    public static string VillageTarget(int? target) =>
        target is { } t ? ProgramsText.T.Format("{0} orang per desa", DisplayFormat.Number(t)) : ProgramsText.T["tanpa target"];

    public static string VillageQuota(int? quota) =>
        quota is { } q ? ProgramsText.T.Format("{0} orang per desa", DisplayFormat.Number(q)) : ProgramsText.T["tanpa kuota"];

    public static string Sector(string? sector) => sector switch
    {
        null => ProgramsText.T["semua sektor"],
        "general" => ProgramsText.T["umum"],
        "transport" => ProgramsText.T["transportasi"],
        "agriculture" => ProgramsText.T["pertanian"],
        "fishery" => ProgramsText.T["perikanan"],
        "community" => ProgramsText.T["kemasyarakatan"],
        _ => sector,
    };

    /// <summary>The occupations by name, in the registry's order; codes the list does not know are shown as they are.</summary>
    public static IReadOnlyList<string> Occupations(IEnumerable<string> codes, IReadOnlyList<OccupationChoice> list)
    {
        var wanted = codes.ToHashSet(StringComparer.Ordinal);
        var named = list.Where(o => wanted.Contains(o.Code)).Select(o => o.Name).ToList();
        named.AddRange(wanted.Where(c => list.All(o => o.Code != c)).Order(StringComparer.Ordinal));
        return named;
    }

    public static IReadOnlyList<PickedRegion> Picked(IEnumerable<string> codes, RegionNames names) =>
        codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => new PickedRegion(c, names.WithCode(c))).ToList();
}
