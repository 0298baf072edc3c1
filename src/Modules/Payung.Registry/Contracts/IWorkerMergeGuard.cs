namespace Payung.Registry.Contracts;

/// <summary>
/// Lets other modules stop a merge that would orphan their records: a worker still enrolled in a programme (its
/// funded months and protection ledger hang on its id) must not become a merged, read-only record. Implemented
/// by the modules that hold such records; the registry asks every registered guard before merging.
/// </summary>
public interface IWorkerMergeGuard
{
    /// <summary>Null when <paramref name="mergedWorkerId"/> may be merged away, else the reason in Indonesian.</summary>
    Task<string?> BlockerAsync(Guid mergedWorkerId, CancellationToken ct);
}
