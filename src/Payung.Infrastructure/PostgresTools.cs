using System.Diagnostics;
using System.Text;

namespace Payung.Infrastructure;

/// <summary>
/// The machine's PostgreSQL server programs. Debian keeps them in /usr/lib/postgresql/&lt;version&gt;/bin,
/// off the PATH. initdb and postgres refuse to run as root, so as root they run as the
/// <c>postgres</c> system user that the Debian package creates.
/// </summary>
internal sealed class PostgresTools
{
    private const string ServiceUser = "postgres";

    private PostgresTools(string binDirectory, string? runAsUser)
    {
        BinDirectory = binDirectory;
        RunAsUser = runAsUser;
    }

    public string BinDirectory { get; }

    public string? RunAsUser { get; }

    public static PostgresTools Locate()
    {
        var bin = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL server programs (initdb, pg_ctl) were not found. Install them with " +
            "'apt-get install postgresql' (make run does this), or set PAYUNG_PG_BIN, " +
            "or set PAYUNG_DB to use an existing server.");
        return new PostgresTools(bin, Environment.IsPrivilegedProcess ? ServiceUser : null);
    }

    private static string? FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("PAYUNG_PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (dir: d, version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(x => x.version >= 15 && File.Exists(Path.Combine(x.dir, "bin", "initdb")))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin"))
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    public Task ChownAsync(string path, CancellationToken ct) =>
        RunRawAsync("chown", ct, allowFailure: false, [$"{ServiceUser}:{ServiceUser}", path]);

    public Task<ToolResult> RunAsync(string program, CancellationToken ct, params string[] args) =>
        RunAsync(program, ct, allowFailure: false, args);

    public Task<ToolResult> RunAsync(string program, CancellationToken ct, bool allowFailure, params string[] args)
    {
        var exe = Path.Combine(BinDirectory, program);
        return RunAsUser is null
            ? RunRawAsync(exe, ct, allowFailure, args)
            : RunRawAsync("runuser", ct, allowFailure, ["-u", RunAsUser, "--", exe, .. args]);
    }

    private static async Task<ToolResult> RunRawAsync(string exe, CancellationToken ct, bool allowFailure, string[] args)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // A folder the service user may not enter (root's home) would make initdb fail on getcwd.
            WorkingDirectory = "/",
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Cannot start {exe}");
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        // pg_ctl start leaves the server holding inherited pipes open; read asynchronously and stop
        // waiting for the pipes once the process itself has exited.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(ct);
        var result = new ToolResult(process.ExitCode, Locked(stdout), Locked(stderr));
        if (!allowFailure && result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(exe)} {string.Join(' ', args)} failed with exit code {result.ExitCode}: {result.StdErr}{result.StdOut}");
        }

        return result;
    }

    private static string Locked(StringBuilder sb)
    {
        lock (sb)
        {
            return sb.ToString();
        }
    }

    public sealed record ToolResult(int ExitCode, string StdOut, string StdErr);
}
