using System.Globalization;
using Payung.Programs.Rates;
using Payung.Shared;

namespace Payung.Programs.EstimateBudget;

/// <summary>
/// What a programme of N participants for M months from a start month costs, month by month at the rates in
/// force, and what a given budget covers. Used by funders planning an APBD line before any worker is enrolled.
/// </summary>
internal sealed class EstimateBudget(RateTableCache rateCache)
{
    public const int MaxParticipants = 10_000_000;
    public const int MaxMonths = 60;

    // How far past the start month "how many months does the budget cover" looks; a larger budget reports this.
    public const int MaxAffordableMonths = 600;

    public async Task<EstimateBudgetOutcome> ExecuteAsync(EstimateBudgetRequest? request, CancellationToken ct)
    {
        var rates = await rateCache.GetAsync(ct);
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors[""] = ["Isi permintaan wajib diisi."];
            return EstimateBudgetOutcome.Invalid(errors);
        }

        if (request.Participants is not (>= 1 and <= MaxParticipants))
        {
            errors["participants"] = [$"Jumlah peserta harus antara 1 dan {MaxParticipants:N0}."];
        }

        if (request.Months is not (>= 1 and <= MaxMonths))
        {
            errors["months"] = [$"Jumlah bulan harus antara 1 dan {MaxMonths}."];
        }

        if (!ContributionMonth.TryParse(request.StartMonth, out var start))
        {
            errors["startMonth"] = ["Bulan mulai harus berformat yyyy-MM."];
        }

        var fundingSource = request.FundingSource is { } code ? rates.FindFundingSource(code.Trim().ToUpperInvariant()) : null;
        if (fundingSource is null)
        {
            var known = string.Join(", ", rates.FundingSources.Select(s => s.Code));
            errors["fundingSource"] = [$"Sumber dana harus salah satu dari {known}."];
        }

        var components = ParsePackage(request.Package, errors);
        var sector = request.Sector?.Trim().ToLowerInvariant();
        if (sector is not null && !RateTable.Sectors.Contains(sector))
        {
            errors["sector"] = [$"Sektor harus salah satu dari {string.Join(", ", RateTable.Sectors)}."];
        }

        var income = ReadIncome(request, errors);
        if (request.Budget is < 0)
        {
            errors["budget"] = ["Anggaran tidak boleh negatif."];
        }

        if (errors.Count > 0)
        {
            return EstimateBudgetOutcome.Invalid(errors);
        }

        var participants = request.Participants!.Value;
        var monthCount = request.Months!.Value;
        var lastPossible = new ContributionMonth(ContributionMonth.MaxYear, 12);
        if (start.MonthsUntil(lastPossible) < monthCount - 1)
        {
            errors["months"] = [$"Periode melewati {lastPossible}."];
            return EstimateBudgetOutcome.Invalid(errors);
        }

        var months = new List<MonthEstimate>(monthCount);
        var perParticipantTotal = Rupiah.Zero;
        IncomeBasis? firstBasis = null;
        for (var i = 0; i < monthCount; i++)
        {
            var month = start.PlusMonths(i);
            if (CalculateContribution.ForMonth(rates, components, income, fundingSource!, sector, month) is not { } quote)
            {
                errors["startMonth"] = [$"Tidak ada tarif iuran yang berlaku untuk bulan {month}."];
                return EstimateBudgetOutcome.Invalid(errors);
            }

            firstBasis ??= quote.Basis;
            perParticipantTotal += quote.PerParticipant;
            months.Add(new MonthEstimate(
                month.ToString(), quote.PerParticipant.Value, (quote.PerParticipant * participants).Value, quote.RateVersion,
                quote.Basis.Amount.Value, quote.Basis.Code));
        }

        long? affordableParticipants = null;
        int? affordableMonths = null;
        long? remainder = null;
        if (request.Budget is { } budget)
        {
            // Whole participants for the whole period: a funder cannot cover part of a person.
            affordableParticipants = perParticipantTotal.Value == 0 ? null : budget / perParticipantTotal.Value;
            remainder = affordableParticipants is { } covered ? budget - covered * perParticipantTotal.Value : budget;
            affordableMonths = CountAffordableMonths(rates, components, income, fundingSource!, sector, start, participants, budget);
        }

        return EstimateBudgetOutcome.Success(new EstimateBudgetResponse(
            months[0].PerParticipant,
            months[0].Total,
            (perParticipantTotal * participants).Value,
            months,
            affordableParticipants,
            affordableMonths,
            remainder,
            fundingSource!.DiscountAssumption,
            firstBasis!.Amount.Value,
            firstBasis.Code,
            firstBasis.Message));
    }

    /// <summary>Whole consecutive months from the start that the budget pays for every participant.</summary>
    private static int CountAffordableMonths(
        RateTable rates,
        IReadOnlyCollection<ContributionComponent> components,
        Rupiah? income,
        FundingSource fundingSource,
        string? sector,
        ContributionMonth start,
        int participants,
        long budget)
    {
        var spent = 0L;
        var lastPossible = new ContributionMonth(ContributionMonth.MaxYear, 12);
        var limit = Math.Min(MaxAffordableMonths, start.MonthsUntil(lastPossible) + 1);
        for (var i = 0; i < limit; i++)
        {
            var quote = CalculateContribution.ForMonth(rates, components, income, fundingSource, sector, start.PlusMonths(i));
            if (quote is null)
            {
                return i;
            }

            spent += (quote.PerParticipant * participants).Value;
            if (spent > budget)
            {
                return i;
            }
        }

        return limit;
    }

    /// <summary>
    /// The worker's monthly income, under <c>monthlyIncome</c> or its older name <c>incomeBasis</c>: any positive
    /// amount, placed on the basis per month by <see cref="IncomeBasisLimit.Place"/>; none means the minimum basis.
    /// </summary>
    private static Rupiah? ReadIncome(EstimateBudgetRequest request, Dictionary<string, string[]> errors)
    {
        if (request.MonthlyIncome is { } a && request.IncomeBasis is { } b && a != b)
        {
            errors["monthlyIncome"] = ["Isi penghasilan bulanan sekali saja: monthlyIncome dan incomeBasis berbeda."];
            return null;
        }

        var field = request.MonthlyIncome is null && request.IncomeBasis is not null ? "incomeBasis" : "monthlyIncome";
        if ((request.MonthlyIncome ?? request.IncomeBasis) is not { } income)
        {
            return null;
        }

        if (income <= 0)
        {
            errors[field] = ["Penghasilan bulanan harus lebih dari nol rupiah, atau dikosongkan untuk dasar upah terendah."];
            return null;
        }

        return Rupiah.Of(income);
    }

    private static List<ContributionComponent> ParsePackage(IReadOnlyList<string>? package, Dictionary<string, string[]> errors)
    {
        var components = new List<ContributionComponent>();
        if (package is null)
        {
            errors["package"] = ["Paket wajib berisi JKK dan JKM; JHT boleh ditambahkan."];
            return components;
        }

        foreach (var item in package)
        {
            switch (item?.Trim().ToUpperInvariant())
            {
                case "JKK": components.Add(ContributionComponent.Jkk); break;
                case "JKM": components.Add(ContributionComponent.Jkm); break;
                case "JHT": components.Add(ContributionComponent.Jht); break;
                default:
                    errors["package"] = [string.Create(CultureInfo.InvariantCulture,
                        $"Program '{item}' tidak dikenal: BPU hanya dapat mengikuti JKK, JKM dan JHT.")];
                    return components;
            }
        }

        if (!components.Contains(ContributionComponent.Jkk) || !components.Contains(ContributionComponent.Jkm))
        {
            errors["package"] = ["Paket wajib berisi JKK dan JKM; JHT boleh ditambahkan."];
        }

        return components.Distinct().ToList();
    }
}
