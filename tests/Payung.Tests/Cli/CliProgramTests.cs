namespace Payung.Tests.Cli;

public sealed class CliProgramTests
{
    [Fact]
    public async Task Payung_WithoutACommand_PrintsHelpAndExitsWithTwo()
    {
        var run = await CliRun.RunAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("db", run.Output);
        Assert.Contains("regions", run.Output);
        Assert.Contains("nik", run.Output);
        Assert.Contains("Exit codes", run.Output);
    }

    [Fact]
    public async Task Payung_WithAnUnknownCommand_ExitsWithTwoOnStderr()
    {
        var run = await CliRun.RunAsync("frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("frobnicate", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task DbHelp_ListsMigrateAndStatus()
    {
        var run = await CliRun.RunAsync("db", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("migrate", run.Output);
        Assert.Contains("status", run.Output);
    }
}
