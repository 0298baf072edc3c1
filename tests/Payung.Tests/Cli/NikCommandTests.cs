using Payung.Testing;

namespace Payung.Tests.Cli;

public sealed class NikCommandTests
{
    private static async Task<CliRun> CheckAsync(params string[] args)
    {
        var db = await TestDatabase.GetAsync();
        return await CliRun.RunAsync(["nik", "check", .. args, "--db", db.ConnectionString]);
    }

    [Fact]
    public async Task NikCheck_WhenNikIsValid_ExitsWithZeroAndDecodesIt()
    {
        var run = await CheckAsync("1801061203850003");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("is valid", run.Output);
        Assert.Contains("1985-03-12", run.Output);
        Assert.Contains("M (laki-laki)", run.Output);
        Assert.Contains("18.01.06", run.Output);
        Assert.DoesNotContain("error", run.Output);
    }

    [Fact]
    public async Task NikCheck_WhenNikIsMalformed_ExitsWithOneListingEveryBrokenRule()
    {
        var run = await CheckAsync("1801060000000000");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is invalid", run.Output);
        Assert.Contains("nik.date_invalid", run.Output);
        Assert.Contains("nik.serial_zero", run.Output);
    }

    [Fact]
    public async Task NikCheck_WhenNikHasFifteenDigits_ExitsWithOneAndTheLengthError()
    {
        var run = await CheckAsync("180106120385000");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nik.length", run.Output);
    }

    [Fact]
    public async Task NikCheck_WhenDeclaredSexDiffers_ExitsWithZeroAndAWarning()
    {
        var run = await CheckAsync("1801061203850003", "--birth-date", "1985-03-12", "--sex", "F");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning nik.sex_mismatch", run.Output);
        Assert.DoesNotContain("nik.birthdate_mismatch", run.Output);
    }

    [Fact]
    public async Task NikCheck_WhenSexIsNotMOrF_ExitsWithTwo()
    {
        var run = await CheckAsync("1801061203850003", "--sex", "X");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--sex must be M", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task NikCheck_WhenBirthDateIsNotIso_ExitsWithTwo()
    {
        var run = await CheckAsync("1801061203850003", "--birth-date", "12/03/1985");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--birth-date must be a date written yyyy-MM-dd", run.Error);
    }

    [Fact]
    public async Task NikCheck_WhenNikIsMissing_ExitsWithTwo()
    {
        var run = await CliRun.RunAsync("nik", "check");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("payung nik check --help", run.Error);
    }

    [Fact]
    public async Task NikCheck_OnAnUnmigratedDatabase_ExitsWithFourAskingForMigration()
    {
        await using var fresh = await FreshDatabase.CreateAsync();

        var run = await CliRun.RunAsync("nik", "check", "1801061203850003", "--db", fresh.ConnectionString);

        Assert.Equal(4, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("payung db migrate", line);
    }
}
