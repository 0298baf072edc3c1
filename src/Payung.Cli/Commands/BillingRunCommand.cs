using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Payung.Billing.GenerateMonthlyBills;
using Payung.Infrastructure.Jobs;
using Payung.Shared;
using Spectre.Console;

namespace Payung.Cli.Commands;

/// <summary>
/// <c>payung billing run [--up-to yyyy-MM]</c>: the billing run job (the one <c>POST /api/v1/billing/runs</c> and the
/// web host's scheduler queue), created and run in this process with a progress bar. The CLI acts as the system, with
/// national scope: every active or closed programme, each of its months up to the month given (default: this month),
/// one statement and transaction per programme-month. Running it again issues only what changed (late enrolments,
/// endings); Ctrl+C stops after the programme-month in hand, keeping the bills already issued.
/// </summary>
internal static class BillingRunCommand
{
    public static Command Create()
    {
        var upTo = new Option<ContributionMonth?>("--up-to", "--month")
        {
            Description = "Bill each programme's months up to and including this contribution month (default: this month in Asia/Jakarta).",
            HelpName = "yyyy-MM",
            CustomParser = ParseMonth,
        };
        var command = new Command("run", "Issue the monthly bills of every active or closed programme, as the automatic billing run does.")
        {
            upTo,
        };
        command.SetGuardedAction((parseResult, console, ct) => RunAsync(parseResult.GetValue(upTo), parseResult, console, ct));
        return command;
    }

    private static async Task<int> RunAsync(ContributionMonth? upTo, ParseResult parseResult, CliConsole console, CancellationToken ct)
    {
        await using var db = await CliDatabase.OpenAsync(parseResult, console, ct);
        console.Out.MarkupLineInterpolated($"Database: {db.Target} ({db.Source})");
        await DbMigrateCommand.MigrateAsync(db, ct);
        var month = upTo ?? db.Get<BusinessCalendar>().CurrentMonth();
        console.Out.MarkupLineInterpolated($"Acting as the system: every active or closed programme, its months up to {month}.");

        var queue = db.Get<JobQueue>();
        var jobId = await queue.EnqueueAsync(BillingRuns.Request(month, CallerScope.System("cli"), CliJobs.Owner), ct: ct);
        var (status, _, result) = await CliJobs.RunToEndAsync<BillingRunResult>(queue, jobId, "billing run",
            () => RunWithProgressAsync(db.Get<JobRunner>(), jobId, CliJobs.Owner, console, ct), ct);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Billing run").AddColumn(new TableColumn("Count").RightAligned());
        table.AddRow("programmes", Count(result.Programmes));
        table.AddRow("programme-months checked", Count(result.MonthsChecked));
        table.AddRow("bills issued", Count(result.BillsIssued));
        table.AddRow("total billed (Rp)", Count(result.Total));
        console.Out.Write(table);
        console.Out.MarkupLineInterpolated($"[green]Billing run {jobId} finished[/] in {CliJobs.Seconds(status)} s.");
        return ExitCodes.Ok;
    }

    private static async Task<JobState> RunWithProgressAsync(JobRunner runner, Guid jobId, string owner, CliConsole console, CancellationToken ct)
    {
        const string label = "Menagih program";
        if (!console.Out.Profile.Capabilities.Interactive)
        {
            // A log gets a line at the start and at every tenth of the programmes, not one per programme.
            var lastTenth = -1L;
            return await runner.RunAsync(jobId, owner, p =>
            {
                var tenth = p.Total is > 0 and var total ? p.Progress * 10 / total : 0;
                if (tenth != lastTenth)
                {
                    lastTenth = tenth;
                    console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {p.Progress}/{p.Total ?? 0}"));
                }
            }, ct);
        }

        return await console.Out.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var billing = progress.AddTask(label, maxValue: 1);
                var state = await runner.RunAsync(jobId, owner, p =>
                {
                    billing.MaxValue = Math.Max(1, p.Total ?? 1);
                    billing.Value = p.Progress;
                    billing.Description = string.Create(CultureInfo.InvariantCulture, $"{label} ({p.Progress:N0}/{p.Total ?? 0:N0})");
                }, ct);
                billing.Value = billing.MaxValue;
                billing.StopTask();
                return state;
            });
    }

    private static ContributionMonth? ParseMonth(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (ContributionMonth.TryParse(text, out var month))
        {
            return month;
        }

        result.AddError($"--up-to must be a contribution month written yyyy-MM, not '{text}'.");
        return null;
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
