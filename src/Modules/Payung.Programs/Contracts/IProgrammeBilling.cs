namespace Payung.Programs.Contracts;

/// <summary>What a programme has been billed and paid, as the programme page shows it beside ceiling and commitment.</summary>
public sealed record ProgrammeBillingFigures(long Billed, long Paid, long RefundsOwed, long Unallocated);

/// <summary>
/// Billing's figures for a programme, offered to Programs without Programs depending on Billing: the Billing module
/// implements and registers it. Callers have already checked that the programme is in the caller's scope.
/// </summary>
public interface IProgrammeBilling
{
    Task<ProgrammeBillingFigures> FiguresAsync(Guid programmeId, CancellationToken ct);

    /// <summary>The figures of several programmes in one query (the home page's list), by programme id.</summary>
    Task<IReadOnlyDictionary<Guid, ProgrammeBillingFigures>> FiguresAsync(IReadOnlyCollection<Guid> programmeIds, CancellationToken ct);
}
