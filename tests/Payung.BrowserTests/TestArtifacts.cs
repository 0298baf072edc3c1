namespace Payung.BrowserTests;

/// <summary>
/// Where screenshots go: the folder named by PAYUNG_TEST_ARTIFACTS (CI collects it), else
/// TestResults/artifacts beside the test assembly.
/// </summary>
public static class TestArtifacts
{
    public static string Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("PAYUNG_TEST_ARTIFACTS");
            var dir = string.IsNullOrWhiteSpace(configured)
                ? Path.Combine(AppContext.BaseDirectory, "TestResults", "artifacts")
                : Path.GetFullPath(configured);
            System.IO.Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public static string PathFor(string fileName) => Path.Combine(Directory, fileName);
}
