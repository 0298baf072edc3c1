using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Payung.Infrastructure;
using Payung.Infrastructure.Jobs;
using Payung.Infrastructure.Spreadsheets;
using Payung.Registry.ImportWorkers;
using Payung.Shared;
using Spectre.Console;

namespace Payung.Cli.Commands;

/// <summary>
/// <c>payung import workers FILE [--village CODE] [--errors FILE]</c>: the web import's job, created and run
/// in this process (same code path: stage, validate, merge in one transaction) with a progress bar. The CLI
/// acts as the system, with national scope. Ctrl+C cancels the job and leaves the registry as it was.
/// </summary>
internal static class ImportWorkersCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The .xlsx or .csv (UTF-8, ';' or ',') to import." };
        file.AcceptExistingOnly();
        var village = new Option<string?>("--village")
        {
            Description = "Village code (e.g. 18.01.06.2001) for rows that leave Kode Desa empty.",
            HelpName = "CODE",
        };
        var errors = new Option<FileInfo?>("--errors")
        {
            Description = "Write the rejected and needs_review rows, with their reasons, to this .xlsx to fix and import again.",
            HelpName = "FILE",
        };
        var scan = new Option<bool>("--scan-duplicates")
        {
            Description = "After the import, run the duplicate scan here and wait for it (otherwise it is queued for the web host's job worker).",
        };
        var command = new Command("workers", "Import workers from a spreadsheet: each row is created, updated, unchanged, rejected or held for review.")
        {
            file,
            village,
            errors,
            scan,
        };
        command.SetGuardedAction((parseResult, console, ct) =>
            RunAsync(parseResult.GetValue(file)!, parseResult.GetValue(village), parseResult.GetValue(errors), parseResult.GetValue(scan),
                parseResult, console, ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, string? village, FileInfo? errorsFile, bool scanDuplicates,
        ParseResult parseResult, CliConsole console, CancellationToken ct)
    {
        await using var db = await CliDatabase.OpenAsync(parseResult, console, ct);
        console.Out.MarkupLineInterpolated($"Database: {db.Target} ({db.Source})");
        await DbMigrateCommand.MigrateAsync(db, ct);
        console.Out.MarkupLine("Acting as the system: national scope, every village may be imported.");

        var owner = CliJobs.Owner;
        Guid jobId;
        ImportFileInfo info;
        using (var scope = db.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CallerContext>().Scope = CallerScope.System("cli");
            try
            {
                (jobId, info) = await scope.ServiceProvider.GetRequiredService<StartWorkerImport>()
                    .LocalFileAsync(file.FullName, village, ImportLimits.Cli, owner, ct);
            }
            catch (ImportRefusedException e)
            {
                throw new CliFailureException($"{e.Code}: {e.Message}{(e.Detail is null ? "" : " " + e.Detail)}", e);
            }
        }

        console.Out.MarkupLineInterpolated($"Import {jobId}: {file.Name} ({info.Format.ToString().ToLowerInvariant()}, {info.Size} bytes, sha256 {info.Sha256[..12]}…)");
        foreach (var header in info.IgnoredHeaders)
        {
            console.Out.MarkupLineInterpolated($"[yellow]Ignored column[/] {header}");
        }

        var (status, result, counts) = await CliJobs.RunToEndAsync<ImportCounts>(db.Get<JobQueue>(), jobId, "import",
            () => RunWithProgressAsync(db.Get<JobRunner>(), jobId, owner, console, ct), ct);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Verdict").AddColumn(new TableColumn("Rows").RightAligned());
        table.AddRow("created", Count(counts.Created));
        table.AddRow("updated", Count(counts.Updated));
        table.AddRow("unchanged", Count(counts.Unchanged));
        table.AddRow("rejected", Count(counts.Rejected));
        table.AddRow("needs_review", Count(counts.NeedsReview));
        table.AddRow("total", Count(counts.Total));
        console.Out.Write(table);
        if (counts.Warnings > 0)
        {
            console.Out.MarkupLineInterpolated($"{counts.Warnings} imported row(s) carry a NIK warning (district code not on the list).");
        }

        console.Out.MarkupLineInterpolated($"[green]Import {jobId} finished[/] in {CliJobs.Seconds(status)} s.");
        if (counts.Rejected + counts.NeedsReview > 0)
        {
            if (errorsFile is not null)
            {
                await WriteErrorsAsync(db, jobId, errorsFile, ct);
                console.Out.MarkupLineInterpolated($"Rows to fix written to {errorsFile.FullName}.");
            }
            else
            {
                console.Out.MarkupLineInterpolated($"Rows to fix: GET /api/v1/imports/{jobId}/errors.xlsx, or run again with --errors FILE.");
            }
        }

        await ScanDuplicatesAsync(db, result, scanDuplicates, owner, console, ct);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The import queued a scan for likely duplicates among the workers it created or updated. It is
    /// separate work (the import has committed already), so by default it waits for the web host's job
    /// worker; with --scan-duplicates the command runs it and reports the candidates.
    /// </summary>
    private static async Task ScanDuplicatesAsync(CliDatabase db, JsonElement importResult, bool runHere, string owner,
        CliConsole console, CancellationToken ct)
    {
        if (!importResult.TryGetProperty(ImportWorkersJob.DuplicateScanJobIdProperty, out var property) ||
            property.ValueKind != JsonValueKind.String || !Guid.TryParse(property.GetString(), out var scanId))
        {
            return;
        }

        if (!runHere)
        {
            console.Out.MarkupLineInterpolated($"Duplicate scan {scanId} queued: the web app's job worker runs it (use --scan-duplicates to run it here).");
            return;
        }

        if (!await db.Get<JobQueue>().ClaimAsync(scanId, owner, ct))
        {
            console.Out.MarkupLineInterpolated($"Duplicate scan {scanId} is already being run by the web app's job worker.");
            return;
        }

        var state = await console.StatusAsync("Scanning for likely duplicates…", () => db.Get<JobRunner>().RunAsync(scanId, owner, null, ct));
        var status = await db.Get<JobQueue>().FindAsync(scanId, CancellationToken.None);
        var candidates = status?.Result is { } r && r.TryGetProperty("candidates", out var c) ? c.GetInt64() : 0;
        if (state == JobState.Succeeded)
        {
            console.Out.MarkupLineInterpolated($"Duplicate scan finished: {candidates} new candidate(s) to review at /duplikat.");
        }
        else
        {
            console.Out.MarkupLineInterpolated($"[yellow]Duplicate scan {scanId} {state.ToCode()}[/]: {status?.ErrorCode} {status?.ErrorMessage}");
        }
    }

    private static async Task<JobState> RunWithProgressAsync(JobRunner runner, Guid jobId, string owner, CliConsole console, CancellationToken ct)
    {
        if (!console.Out.Profile.Capabilities.Interactive)
        {
            string? stage = null;
            return await runner.RunAsync(jobId, owner, p =>
            {
                if (p.Stage != stage)
                {
                    stage = p.Stage;
                    console.Out.WriteLine($"{Label(p.Stage)}…");
                }
            }, ct);
        }

        return await console.Out.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var reading = progress.AddTask(Label(ImportWorkersJob.StageReading), maxValue: 1);
                var saving = progress.AddTask(Label(ImportWorkersJob.StageValidating), autoStart: false, maxValue: 1);
                var state = await runner.RunAsync(jobId, owner, p =>
                {
                    if (p.Stage == ImportWorkersJob.StageReading)
                    {
                        reading.MaxValue = Math.Max(1, p.Total ?? p.Progress + 1);
                        reading.Value = p.Progress;
                        reading.Description = $"{Label(p.Stage)} ({p.Progress:N0} baris)";
                    }
                    else
                    {
                        reading.Value = reading.MaxValue;
                        reading.StopTask();
                        saving.StartTask();
                        saving.IsIndeterminate = p.Stage == ImportWorkersJob.StageValidating;
                        saving.Description = Label(p.Stage);
                    }
                }, ct);
                saving.Value = saving.MaxValue;
                saving.StopTask();
                return state;
            });
    }

    private static async Task WriteErrorsAsync(CliDatabase db, Guid jobId, FileInfo target, CancellationToken ct)
    {
        using var scope = db.CreateScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().Scope = CallerScope.System("cli");
        await using var output = new FileStream(target.FullName, FileMode.Create, FileAccess.Write);
        await scope.ServiceProvider.GetRequiredService<BuildErrorWorkbook>().WriteAsync(jobId, output, ct);
    }

    private static string Label(string stage) => stage switch
    {
        ImportWorkersJob.StageReading => "Membaca berkas",
        ImportWorkersJob.StageValidating => "Memeriksa dan menyimpan",
        ImportWorkersJob.StageFinishing => "Menyelesaikan",
        _ => stage,
    };

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
