namespace Payung.Registry.ImportWorkers;

/// <summary>
/// The checks a worker file passes before any job or row exists (<see cref="SpreadsheetFile.Inspect"/>), with the
/// worker columns' headers. The stream must be seekable; it is rewound.
/// </summary>
internal static class InspectImportFile
{
    public static ImportFileInfo Run(Stream stream, ImportLimits limits, bool villageDefaulted, bool countRows) =>
        SpreadsheetFile.Inspect(stream, limits, (format, s) => ImportRowReader.Open(format, s, limits, villageDefaulted), countRows);
}
