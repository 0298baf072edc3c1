namespace Payung.Bench.WorkerGenerator;

/// <summary>Writes rows as they are made, so no file's rows are ever held in memory.</summary>
internal interface IWorkerFileWriter : IDisposable
{
    void WriteHeader(IReadOnlyList<string> headers);

    void WriteRow(WorkerRow row);
}
