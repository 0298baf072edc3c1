namespace Payung.Registry.ImportWorkers;

/// <summary>
/// The data of an import job. <see cref="Path"/> is set for the CLI (the file stays on disk), else the
/// upload is in <c>registry.worker_import_file</c>. The limits travel with the job, so a job started with
/// the CLI's limits is not judged by the web's when another process resumes it.
/// </summary>
internal sealed record ImportJobData(
    string FileName,
    ImportFormat Format,
    string? DefaultVillage,
    string? Path,
    int? Rows,
    long MaxBytes,
    int MaxRows,
    long MaxUnpackedBytes)
{
    public ImportLimits Limits => new(MaxBytes, MaxRows, MaxUnpackedBytes);
}
