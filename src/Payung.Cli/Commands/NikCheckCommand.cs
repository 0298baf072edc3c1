using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Payung.Regions.Contracts;
using Payung.Shared;
using Spectre.Console;

namespace Payung.Cli.Commands;

/// <summary>
/// <c>payung nik check</c>: the same rules as the public NIK check (structure, region, encoded birth
/// date and sex, serial), for an operator or a script. Exit code 0 when valid, 1 when not.
/// </summary>
internal static class NikCheckCommand
{
    public static Command Create()
    {
        var nik = new Argument<string>("NIK") { Description = "The 16-digit NIK (Nomor Induk Kependudukan) to check." };
        var birthDate = new Option<DateOnly?>("--birth-date")
        {
            Description = "Declared birth date; a difference from the date encoded in the NIK is a warning.",
            HelpName = "yyyy-MM-dd",
            CustomParser = ParseIsoDate,
        };
        var sex = new Option<Sex?>("--sex")
        {
            Description = "Declared sex, M or F; a difference from the sex encoded in the NIK is a warning.",
            HelpName = "M|F",
            CustomParser = ParseSex,
        };
        sex.CompletionSources.Add("M", "F");

        var command = new Command("check", "Check a NIK and decode its birth date, sex and district.") { nik, birthDate, sex };
        command.SetGuardedAction((parseResult, console, ct) => RunAsync(
            parseResult.GetRequiredValue(nik), parseResult.GetValue(birthDate), parseResult.GetValue(sex), parseResult, console, ct));
        return command;
    }

    private static async Task<int> RunAsync(
        string nik, DateOnly? birthDate, Sex? sex, ParseResult parseResult, CliConsole console, CancellationToken ct)
    {
        await using var db = await CliDatabase.OpenAsync(parseResult, console, ct);
        var result = NikRules.Check(nik, db.Get<BusinessCalendar>().Today(), birthDate, sex, db.Get<IRegionCodeLookup>());

        console.Out.MarkupLine(result.Valid
            ? $"NIK {Markup.Escape(nik.Trim())} is [green]valid[/]."
            : $"NIK {Markup.Escape(nik.Trim())} is [red]invalid[/].");

        var decoded = new Table().HideHeaders().Border(TableBorder.Rounded).AddColumn("Item").AddColumn("Value");
        decoded.AddRow("Birth date", result.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-");
        decoded.AddRow("Sex", result.Sex switch
        {
            Sex.Male => "M (laki-laki)",
            Sex.Female => "F (perempuan)",
            _ => "-",
        });
        decoded.AddRow("District", Markup.Escape(await DescribeDistrictAsync(db, result.DistrictCode, ct)));
        console.Out.Write(decoded);

        foreach (var error in result.Errors)
        {
            console.Out.MarkupLineInterpolated($"[red]error[/]   {error.Code}: {error.Message}");
        }

        foreach (var warning in result.Warnings)
        {
            console.Out.MarkupLineInterpolated($"[yellow]warning[/] {warning.Code}: {warning.Message}");
        }

        return result.Valid ? ExitCodes.Ok : ExitCodes.NikInvalid;
    }

    /// <summary>"18.01.06 Natar, Lampung Selatan, Lampung"; a district missing from the list keeps its code only.</summary>
    private static async Task<string> DescribeDistrictAsync(CliDatabase db, RegionCode? district, CancellationToken ct)
    {
        if (district is not { } code)
        {
            return "-";
        }

        using var scope = db.CreateScope();
        var lineage = await scope.ServiceProvider.GetRequiredService<IRegionDirectory>().LineageAsync(code, ct);
        var names = lineage.Reverse().Select(r => r.Name).ToList();
        var known = lineage.Any(r => r.Code == code.Value);
        return known
            ? $"{code.Value} {string.Join(", ", names)}"
            : $"{code.Value} (not on the current list), in {string.Join(", ", names)}";
    }

    private static DateOnly? ParseIsoDate(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"--birth-date must be a date written yyyy-MM-dd, not '{text}'.");
        return null;
    }

    private static Sex? ParseSex(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (Sex.TryFromCode(text.ToUpperInvariant(), out var sex))
        {
            return sex;
        }

        result.AddError($"--sex must be M (laki-laki) or F (perempuan), not '{text}'.");
        return null;
    }
}
