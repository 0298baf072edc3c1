using Payung.Access.SeedDemoUsers;
using Payung.Shared;

namespace Payung.Web;

/// <summary>Tells the person who typed `make run` where to go and how to sign in.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app, IReadOnlyList<DemoUser> demoUsers, string pidFile)
    {
        var url = app.Urls.FirstOrDefault() ?? "http://127.0.0.1:5080";
        var password = app.Configuration["PAYUNG_DEMO_PASSWORD"] is { Length: > 0 } ? "(PAYUNG_DEMO_PASSWORD)" : SeedDemoUsers.DefaultPassword;
        var lines = new List<string> { "", $"Payung berjalan di {url}", $"  API: {url}/api-docs   Kesehatan: {url}/health/ready" };
        if (demoUsers.Count > 0)
        {
            lines.Add($"  Akun demo (kata sandi: {password}):");
            lines.AddRange(demoUsers.Select(u => $"    {u.Username,-26} {u.Role.ToCode(),-20} {u.Scope}"));
        }

        // A run started in the background (`make run > payung.log 2>&1 &`) ignores Ctrl+C's SIGINT; SIGTERM to this
        // process stops it cleanly (the embedded PostgreSQL too). make and `dotnet run` are only its parents.
        lines.Add($"Berhenti: Ctrl+C, atau dari terminal lain `kill {Environment.ProcessId}` (SIGTERM; PID juga di {pidFile}).");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
