namespace Payung.Cli;

/// <summary>
/// The folder holding <c>.data</c>, found the way the web host finds it (the folder with Payung.slnx),
/// so that the CLI and a running web host share one embedded cluster.
/// </summary>
internal static class CheckoutRoot
{
    private const string Marker = "Payung.slnx";

    /// <summary>Searches up from the current directory, then up from the binary (for <c>dotnet run</c> from
    /// elsewhere); outside a checkout the current directory holds <c>.data</c>.</summary>
    public static string Find() =>
        SearchUp(Directory.GetCurrentDirectory())
        ?? SearchUp(AppContext.BaseDirectory)
        ?? Directory.GetCurrentDirectory();

    private static string? SearchUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Marker)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
