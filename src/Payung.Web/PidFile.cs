namespace Payung.Web;

/// <summary>
/// <c>.data/payung.pid</c>: the web process's id while it runs, so a run started in the background can be stopped
/// with <c>kill $(cat .data/payung.pid)</c>. Removed on a clean stop; a stale file after a kill -9 names a dead
/// process and is overwritten by the next start.
/// </summary>
internal static class PidFile
{
    public static void Write(WebApplication app, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Environment.ProcessId + Environment.NewLine);
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            if (File.Exists(path) && File.ReadAllText(path).Trim() == Environment.ProcessId.ToString())
            {
                File.Delete(path);
            }
        });
    }
}
