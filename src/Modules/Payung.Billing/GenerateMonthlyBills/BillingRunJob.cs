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
/// <see cref="BillingRunData.UpToMonth"/> (default: the current month), one statement and transaction per
/// programme-month. Restartable: a programme-month already billed yields nothing new, so a crashed run simply
/// starts again. Enqueued on demand (<c>POST /api/v1/billing/runs</c>) and by <see cref="BillingScheduler"/>.
/// </summary>
internal sealed class BillingRunJob(
    NpgsqlDataSource dataSource,
    GenerateBills generate,
    BusinessCalendar calendar,
    ILogger<BillingRunJob> logger) : IJobHandler
{
    public const string JobKind = "billing.run";

    /// <summary>The one stage the run reports, with programmes done out of programmes to bill.</summary>
    public const string Stage = "billing";

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
        await context.ReportAsync(Stage, 0, programmes.Count, ct);
        int checkedMonths = 0, issued = 0, done = 0;
        long total = 0;
        foreach (var programme in programmes)
        {
            foreach (var month in GenerateBills.MonthsDue(programme, upTo))
            {
                checkedMonths++;
                if (await generate.BillMonthAsync(conn, programme, month, context.Caller, ct) is { } bill)
                {
                    issued++;
                    total += bill.Total;
                }
            }

            await context.ReportAsync(Stage, ++done, programmes.Count, ct);
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
