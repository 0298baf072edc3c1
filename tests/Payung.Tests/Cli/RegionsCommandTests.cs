using Payung.Testing;

namespace Payung.Tests.Cli;

public sealed class RegionsCommandTests
{
    [Fact]
    public async Task RegionsLoad_WhenTheSameFilesAreLoaded_ReportsTheOfficialCountsAsUnchanged()
    {
        var db = await TestDatabase.GetAsync();

        var run = await CliRun.RunAsync("regions", "load", "--db", db.ConnectionString);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"Provinces\s*│\s*38\b", run.Output);
        Assert.Matches(@"Regencies\s*│\s*514\b", run.Output);
        Assert.Matches(@"Districts\s*│\s*7285\b", run.Output);
        Assert.Matches(@"Villages\s*│\s*83762\b", run.Output);
        Assert.Contains("unchanged", run.Output);
    }

    [Fact]
    public async Task RegionsLoad_WhenTheFolderLacksTheFiles_ExitsWithFourNamingThem()
    {
        var db = await TestDatabase.GetAsync();
        var empty = Directory.CreateTempSubdirectory("payung-cli-regions-");
        try
        {
            var run = await CliRun.RunAsync("regions", "load", "--dir", empty.FullName, "--db", db.ConnectionString);

            Assert.Equal(4, run.ExitCode);
            var line = Assert.Single(run.ErrorLines);
            Assert.Contains("provinces.csv", line);
            Assert.Contains("villages.csv", line);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public async Task RegionsLoad_WhenTheFolderDoesNotExist_ExitsWithTwo()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"payung-no-such-folder-{Guid.NewGuid():N}");

        var run = await CliRun.RunAsync("regions", "load", "--dir", missing, "--db", "Host=127.0.0.1;Port=1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, run.Error);
    }
}
