namespace Payung.Registry.Contracts;

/// <summary>
/// The registry work waiting in the caller's area: likely duplicates to decide, imports still running, and
/// finished imports of the last 30 days with rows that need review (the newest of them, to link to).
/// </summary>
public sealed record RegistryDeskFigures(int OpenDuplicates, int ImportsRunning, int ImportsToReview, Guid? NewestImportToReview);

/// <summary>What the home page shows of the registry (the Registry module implements it).</summary>
public interface IRegistryDesk
{
    Task<RegistryDeskFigures> ReadAsync(CancellationToken ct);
}
