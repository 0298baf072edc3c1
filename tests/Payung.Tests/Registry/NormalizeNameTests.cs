using Payung.Testing;

namespace Payung.Tests.Registry;

/// <summary>The normalised name behind duplicate detection and fuzzy search (registry.normalize_name).</summary>
public sealed class NormalizeNameTests
{
    [Theory]
    [InlineData("Ahmad Yusuf", "ahmad yusuf")]
    [InlineData("  AHMAD   yusuf ", "ahmad yusuf")]
    [InlineData("H. Muh. Ali, S.Pd", "muh ali")]
    [InlineData("H. Dr. Ali", "ali")]
    [InlineData("Hj. Siti Aminah binti Umar", "siti aminah umar")]
    [InlineData("Drs. H. Bambang", "bambang")]
    [InlineData("Hadi", "hadi")]
    [InlineData("Irwan Dra", "irwan")]
    [InlineData("I Gusti Ngurah Rai", "i gusti ngurah rai")]
    [InlineData("", "")]
    public async Task NormalizeName_DropsPunctuationSpacingAndTitles(string name, string expected)
    {
        var db = await TestDatabase.GetAsync();
        await using var cmd = db.DataSource.CreateCommand("select registry.normalize_name($1)");
        cmd.Parameters.AddWithValue(name);

        Assert.Equal(expected, await cmd.ExecuteScalarAsync());
    }
}
