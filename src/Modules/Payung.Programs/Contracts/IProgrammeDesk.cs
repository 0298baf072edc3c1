using Payung.Shared;

namespace Payung.Programs.Contracts;

/// <summary>A programme as the signed-in home page lists it: its state and what needs doing for it.</summary>
/// <param name="CoverageEnded">Its last funded month is over while it is still active: to be closed.</param>
/// <param name="EndingNextMonth">Participants whose subsidy ends after next month: their hand-over is due.</param>
public sealed record DeskProgramme(
    Guid Id,
    string Name,
    string RegionCode,
    string Status,
    bool CoverageEnded,
    ContributionMonth MonthFrom,
    ContributionMonth MonthTo,
    int Active,
    int Waiting,
    int EndingNextMonth);

/// <summary>The programmes of the caller's area that are not closed, the most pressing first, and how many in all.</summary>
public sealed record ProgrammeDeskFigures(int Open, IReadOnlyList<DeskProgramme> Programmes);

/// <summary>What the home page shows of the caller's programmes (the Programs module implements it).</summary>
public interface IProgrammeDesk
{
    /// <param name="currentMonth">This contribution month in Jakarta (BusinessCalendar).</param>
    Task<ProgrammeDeskFigures> ReadAsync(ContributionMonth currentMonth, int limit, CancellationToken ct);
}
