using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using Payung.Infrastructure.Jobs;
using Payung.Shared;

namespace Payung.Billing.GenerateMonthlyBills;

internal sealed record BillingRunData(string? UpToMonth);

/// <summary>What a billing run did, kept as the job's result (the CLI prints it).</summary>
public sealed record BillingRunResult(int Programmes, int MonthsChecked, int BillsIssued, long Total);

/// <summary>
/// The billing run: every active or closed programme in the creator's scope, each of its months up to
/// <see cref="BillingRunData.UpToMonth"/> (default: the current month), month by month, one statement and transaction
/// per group of up to <see cref="ProgrammesPerStatement"/> programmes (<see cref="BillProgrammeMonths"/>). Restartable:
/// a programme-month already billed yields nothing new, so a crashed run simply starts again. Enqueued on demand (<c>POST /api/v1/billing/runs</c>) and by <see cref="BillingScheduler"/>.
/// </summary>
internal sealed class BillingRunJob(
    NpgsqlDataSource dataSource,
    GenerateBills generate,
    BusinessCalendar calendar,
    ILogger<BillingRunJob> logger) : IJobHandler
{
    public const string JobKind = "billing.run";

    /// <summary>The one stage the run reports, with programme-months done out of programme-months to bill.</summary>
    public const string Stage = "billing";

    /// <summary>
    /// How many programmes one statement bills for a month: enough that a run over a thousand programmes is a handful of
    /// statements (each a hash join over the month, not a thousand index walks), few enough that one statement's
    /// transaction stays a bounded piece of work and progress moves.
    /// </summary>
    public const int ProgrammesPerStatement = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => JobKind;

    public static JobRequest Request(ContributionMonth? upTo, CallerScope caller, string? leaseOwner = null) =>
        new(JobKind, JsonSerializer.SerializeToElement(new BillingRunData(upTo?.ToString()), Json), caller, LeaseOwner: leaseOwner);

    public async Task RunAsync(JobContext context, CancellationToken ct)
    {
        var data = context.ReadData<BillingRunData>();
        var upTo = data.UpToMonth is { } text && ContributionMonth.TryParse(text, out var m) ? m : calendar.CurrentMonth();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var programmes = await BillingProgramme.ListBillableAsync(conn, context.Caller, ct);

        // Month by month, the programmes that fund it, a statement (and transaction) per group of programmes.
        var work = programmes
            .SelectMany(p => GenerateBills.MonthsDue(p, upTo), (programme, month) => (programme, month))
            .GroupBy(w => w.month)
            .OrderBy(g => g.Key)
            .SelectMany(g => g.Select(w => w.programme).Chunk(ProgrammesPerStatement).Select(chunk => (Month: g.Key, Programmes: chunk)))
            .ToList();
        var checkedMonths = work.Sum(w => w.Programmes.Length);
        await context.ReportAsync(Stage, 0, checkedMonths, ct);
        int issued = 0, done = 0;
        long total = 0;
        foreach (var (month, chunk) in work)
        {
            var bills = await generate.BillMonthAsync(conn, chunk, month, context.Caller, ct);
            issued += bills.Count;
            total += bills.Sum(b => b.Total);
            done += chunk.Length;
            await context.ReportAsync(Stage, done, checkedMonths, ct);
        }

        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            await context.CompleteAsync(conn, tx, new BillingRunResult(programmes.Count, checkedMonths, issued, total), ct);
            await tx.CommitAsync(ct);
        }

        logger.LogInformation("Billing run {JobId}: {Programmes} programmes, {Months} programme-months, {Bills} bills issued",
            context.JobId, programmes.Count, checkedMonths, issued);
    }
}
