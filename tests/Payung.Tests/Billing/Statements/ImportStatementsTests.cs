using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payung.Access;
using Payung.Billing.CheckProtection;
using Payung.Billing.ImportStatements;
using Payung.Infrastructure.Spreadsheets;
using Payung.Shared;
using Payung.Tests.Programs.Enrollment;
using Payung.Tests.Registry.Import;
using Payung.Tests.Registry.Workers;
using static Payung.Tests.Billing.Statements.StatementTestKit;

namespace Payung.Tests.Billing.Statements;

/// <summary>
/// Statement imports end to end on the real database: upload through the API, the job run by the host's worker, a
/// verdict per row, the protection ledger and refunds afterwards. Each test makes its own workers and files.
/// </summary>
public sealed class ImportStatementsTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private const string Jondong = "18.01.06.2001";
    private const string Tengkujuh = "18.01.06.2002";

    private Task<HttpClient> DisnakerAsync() => WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, "18.01");

    [Fact]
    public async Task Import_OfSelfPaidMonths_CreatesLedgerMonthsThatProtect_AndTheSameFileAgainChangesNothing()
    {
        var w = await BillingTestKit.CreateWorkerAsync(factory);
        var kpj = NextKpj();
        var file = Csv(Row(w.Nik, "2026-01", kpj), Row(w.Nik, "2026-02", kpj), Row(w.Nik, "2026-03", kpj, paidOn: "2026-03-20"));
        var client = await DisnakerAsync();

        var first = await ImportAsync(client, file);
        var second = await ImportAsync(client, file);

        Assert.Equal(new StatementImportCounts(3, 0, 0, 0, 0, 3), first.Counts);
        Assert.Equal(new StatementImportCounts(0, 0, 3, 0, 0, 3), second.Counts);
        Assert.Equal(("self_paid", 16_800L, 16_800L, (DateOnly?)new DateOnly(2026, 1, 10), (string?)kpj), await LedgerAsync(factory, w.Id, "2026-01"));
        Assert.Equal(3, await CountAsync(factory, "select count(*) from billing.contribution where worker_id = $1", w.Id));
        Assert.Equal(1, await CountAsync(factory, "select count(*) from billing.worker_kpj where worker_id = $1", w.Id));

        var february = await client.GetFromJsonAsync<ProtectionResponse>($"/api/v1/workers/{w.Nik}/protection?date=2026-02-20", Json);
        var marchBeforePayment = await client.GetFromJsonAsync<ProtectionResponse>($"/api/v1/workers/{w.Nik}/protection?date=2026-03-18", Json);
        Assert.True(february!.Protected);
        Assert.Equal("self_paid", february.FundedBy!.Source);
        Assert.Contains(february.Reasons, r => r.Code == "contribution.paid_on_time");
        Assert.False(marchBeforePayment!.Protected);
    }

    [Fact]
    public async Task Import_OfKpjOnlyRows_ResolvesThroughTheKpjSeenWithANik_InAnEarlierFileOrEarlierInTheSameFile()
    {
        var a = await BillingTestKit.CreateWorkerAsync(factory);
        var b = await BillingTestKit.CreateWorkerAsync(factory);
        var (kpjA, kpjB) = (NextKpj(), NextKpj());
        var client = await DisnakerAsync();
        await ImportAsync(client, Csv(Row(a.Nik, "2026-04", kpjA)));

        var result = await ImportAsync(client, Csv(
            Row(null, "2026-05", kpjA),
            Row(b.Nik, "2026-05", kpjB),
            Row(null, "2026-06", kpjB),
            Row(null, "2026-06", NextKpj())));

        var rows = await RowsAsync(client, result.Id);
        Assert.Equal(new StatementImportCounts(3, 0, 0, 1, 0, 4), result.Counts);
        Assert.Equal(a.Id, RowAt(rows, 2).WorkerId);
        Assert.Equal(b.Id, RowAt(rows, 4).WorkerId);
        Assert.Equal([StatementReasons.WorkerNotFound], Codes(RowAt(rows, 5)));
        Assert.Equal(kpjA, (await LedgerAsync(factory, a.Id, "2026-05"))?.Kpj);
        Assert.NotNull(await LedgerAsync(factory, b.Id, "2026-06"));
    }

    [Fact]
    public async Task Import_OfAPaymentAgainWithAnotherAmount_UpdatesIt_AndAuditsBeforeAndAfter()
    {
        var w = await BillingTestKit.CreateWorkerAsync(factory);
        var client = await DisnakerAsync();
        await ImportAsync(client, Csv(Row(w.Nik, "2026-01"), Row(w.Nik, "2026-02")));

        // The same payment (worker, month, day, no reference) with another amount corrects it.
        var again = await ImportAsync(client, Csv(Row(w.Nik, "2026-01", amount: "36.800"), Row(w.Nik, "2026-02")));

        Assert.Equal(new StatementImportCounts(0, 1, 1, 0, 0, 2), again.Counts);
        Assert.Equal(("self_paid", 16_800L, 36_800L, (DateOnly?)new DateOnly(2026, 1, 10), (string?)null), await LedgerAsync(factory, w.Id, "2026-01"));
        Assert.Equal([StatementReasons.Overpaid], Codes(RowAt(await RowsAsync(client, again.Id), 2)));
        await using var cmd = factory.Database.DataSource.CreateCommand(
            "select before::text, after::text from access.audit_log where entity = 'contribution' and action = 'update' and entity_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"{w.Id}:2026-01" });
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Contains("16800", r.GetString(0), StringComparison.Ordinal);
        Assert.Contains("36800", r.GetString(1), StringComparison.Ordinal);
        Assert.False(await r.ReadAsync());
    }

    // March 2026: Rp16.800 for a farmer by the rate tables (PP 50/2025's discount starts in April for all but transport).
    [Theory]
    [InlineData("16800", 16_800L, true, null)]
    [InlineData("16799", 16_799L, false, StatementReasons.Underpaid)]
    [InlineData("16801", 16_801L, true, StatementReasons.Overpaid)]
    [InlineData("1", 1L, false, StatementReasons.Underpaid)]
    public async Task Import_OfOneSelfPaidPayment_SetsTheAmountDueFromTheRateTables_AndOnlyAFullPaymentPays(
        string amount, long paid, bool fullyPaid, string? reason)
    {
        var w = await BillingTestKit.CreateWorkerAsync(factory);
        var client = await DisnakerAsync();

        var result = await ImportAsync(client, Csv(Row(w.Nik, "2026-03", amount: amount)));

        var row = RowAt(await RowsAsync(client, result.Id), 2);
        Assert.Equal("created", row.Verdict);
        Assert.Equal(reason is null ? [] : [reason], Codes(row));
        Assert.Equal(("self_paid", 16_800L, paid, fullyPaid ? new DateOnly(2026, 3, 10) : (DateOnly?)null, (string?)null),
            await LedgerAsync(factory, w.Id, "2026-03"));
        if (reason is not null)
        {
            var message = row.Reasons.Single().Message;
            Assert.Contains("Rp16.800", message, StringComparison.Ordinal);
            Assert.Contains(new Rupiah(paid).ToString(), message, StringComparison.Ordinal);
        }

        var march = await client.GetFromJsonAsync<ProtectionResponse>($"/api/v1/workers/{w.Nik}/protection?date=2026-03-20", Json);
        Assert.Equal(fullyPaid, march!.Protected);
    }

    [Fact]
    public async Task Import_OfTwoPaymentsSummingToTheAmountDue_InOneFile_PaysTheMonthOnTheSecondPaymentsDay()
    {
        var w = await BillingTestKit.CreateWorkerAsync(factory);
        var client = await DisnakerAsync();
        var file = Csv(Row(w.Nik, "2026-03", amount: "8400", paidOn: "2026-03-05"), Row(w.Nik, "2026-03", amount: "8400", paidOn: "2026-03-12"));

        var result = await ImportAsync(client, file);
        var again = await ImportAsync(client, file);

        Assert.Equal(new StatementImportCounts(2, 0, 0, 0, 0, 2), result.Counts);
        Assert.Equal(new StatementImportCounts(0, 0, 2, 0, 0, 2), again.Counts);
        var rows = await RowsAsync(client, result.Id);
        Assert.Equal([StatementReasons.MonthCompleted], Codes(RowAt(rows, 3)));
        Assert.Empty(Codes(RowAt(rows, 2))); // the month stands paid after the file; the first payment alone did not pay it
        Assert.Equal(("self_paid", 16_800L, 16_800L, (DateOnly?)new DateOnly(2026, 3, 12), (string?)null), await LedgerAsync(factory, w.Id, "2026-03"));
        Assert.Equal(2, await CountAsync(factory, "select count(*) from billing.self_paid_payment where worker_id = $1", w.Id));
    }

    [Fact]
    public async Task Import_OfTheRestOfAPartlyPaidMonth_InALaterStatement_PaysItOnThatPaymentsDay()
    {
        var w = await BillingTestKit.CreateWorkerAsync(factory);
        var client = await DisnakerAsync();

        var first = await ImportAsync(client, Csv(Row(w.Nik, "2026-03", amount: "10000", paidOn: "2026-03-05", reference: "BPJS-1")));
        var partly = await LedgerAsync(factory, w.Id, "2026-03");
        var beforeRest = await client.GetFromJsonAsync<ProtectionResponse>($"/api/v1/workers/{w.Nik}/protection?date=2026-03-08", Json);
        var rest = await ImportAsync(client, Csv(Row(w.Nik, "2026-03", amount: "6800", paidOn: "2026-03-14", reference: "BPJS-2")));

        var underpaid = RowAt(await RowsAsync(client, first.Id), 2);
        Assert.Equal([StatementReasons.Underpaid], Codes(underpaid));
        Assert.Contains("kurang Rp6.800", underpaid.Reasons.Single().Message, StringComparison.Ordinal);
        Assert.Equal(("self_paid", 16_800L, 10_000L, (DateOnly?)null, (string?)null), partly);
        Assert.False(beforeRest!.Protected);
        Assert.Equal(new StatementImportCounts(1, 0, 0, 0, 0, 1), rest.Counts);
        Assert.Equal([StatementReasons.MonthCompleted], Codes(RowAt(await RowsAsync(client, rest.Id), 2)));
        Assert.Equal(("self_paid", 16_800L, 16_800L, (DateOnly?)new DateOnly(2026, 3, 14), (string?)null), await LedgerAsync(factory, w.Id, "2026-03"));
        var afterRest = await client.GetFromJsonAsync<ProtectionResponse>($"/api/v1/workers/{w.Nik}/protection?date=2026-03-20", Json);
        Assert.True(afterRest!.Protected);
    }

    // PP 50/2025 halves JKK+JKM for BPU months April–December 2026, for transport workers January 2026–March 2027.
    [Theory]
    [InlineData("petani", "2026-03", 16_800L)]
    [InlineData("petani", "2026-04", 8_400L)]
    [InlineData("petani", "2026-12", 8_400L)]
    [InlineData("ojek_pengemudi", "2026-01", 8_400L)]
    [InlineData("ojek_pengemudi", "2026-03", 8_400L)]
    public async Task Import_OfASelfPaidMonth_DuesTheSectorsAmountForThatMonth(string occupation, string month, long due)
    {
        var w = await BillingTestKit.CreateWorkerAsync(factory, occupation: occupation);
        var client = await DisnakerAsync();

        var result = await ImportAsync(client, Csv(Row(w.Nik, month, amount: due.ToString(CultureInfo.InvariantCulture), paidOn: month + "-01")));

        Assert.Empty(Codes(RowAt(await RowsAsync(client, result.Id), 2)));
        Assert.Equal((due, due), await LedgerAsync(factory, w.Id, month) is { } l ? (l.Due, l.Paid) : default);
    }

    [Fact]
    public async Task Import_OfMalformedRows_RejectsEachWithItsCode_AndImportsTheRest()
    {
        var w = await BillingTestKit.CreateWorkerAsync(factory);
        var future = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var file = Csv(
            Row(w.Nik, "2026-01"),                                   // 2 created
            Row("18979705058", "2026-01"),                           // 3 NIK too short
            Row("1.80106E+15", "2026-01"),                           // 4 NIK as an Excel float
            Row(null, "2026-01", kpj: "1234"),                       // 5 KPJ too short
            Row(null, "2026-01"),                                    // 6 neither NIK nor KPJ
            Row("1897970505869999", "2026-01"),                      // 7 nobody has this NIK
            Row(w.Nik, "2026-13", paidOn: "2026-01-10"),             // 8 no such month
            Row(w.Nik, "2030-01", paidOn: "2026-01-10"),             // 9 beyond the 12 months one may prepay
            Row(w.Nik, "2026-02", amount: "0"),                      // 10 nothing paid
            Row(w.Nik, "2026-03", amount: "enam belas ribu"),        // 11 not a number
            Row(w.Nik, "2026-04", paidOn: "2026-02-30"),             // 12 no such date
            Row(w.Nik, "2026-05", paidOn: future),                   // 13 in the future
            Row(w.Nik, "2026-06", paidOn: "2024-01-10"),             // 14 earlier than any prepayment
            Row(w.Nik, "2026-07", source: "tunai"),                  // 15 unknown source
            Row(w.Nik, "2026-01", amount: "20000"),                  // 16 same worker and month as row 2
            Row(w.Nik, "2026-08", reference: "=HYPERLINK(\"x\")"));  // 17 a formula
        var client = await DisnakerAsync();

        var result = await ImportAsync(client, file);

        var rows = await RowsAsync(client, result.Id);
        Assert.Equal(new StatementImportCounts(1, 0, 0, 15, 0, 16), result.Counts);
        string[][] expected =
        [
            [StatementReasons.NikInvalid], [StatementReasons.NikExcelFloat], [StatementReasons.KpjInvalid], [StatementReasons.IdentityMissing],
            [StatementReasons.WorkerNotFound], [StatementReasons.MonthInvalid], [StatementReasons.MonthInvalid], [StatementReasons.AmountInvalid],
            [StatementReasons.AmountInvalid], [StatementReasons.DateInvalid], [StatementReasons.DateInvalid], [StatementReasons.DateInvalid],
            [StatementReasons.SourceInvalid], [StatementReasons.DuplicateInFile], ["import.formula_not_allowed"],
        ];
        for (var i = 0; i < expected.Length; i++)
        {
            var row = RowAt(rows, i + 3);
            Assert.Equal("rejected", row.Verdict);
            Assert.Equal(expected[i], Codes(row));
        }

        Assert.Contains("baris 2", RowAt(rows, 16).Reasons.Single().Message, StringComparison.Ordinal);
        Assert.Equal("Referensi", RowAt(rows, 17).Reasons.Single().Column);
        Assert.Equal(16_800, (await LedgerAsync(factory, w.Id, "2026-01"))?.Paid);
        Assert.Equal(1, await CountAsync(factory, "select count(*) from billing.contribution where worker_id = $1", w.Id));
    }

    [Fact]
    public async Task Import_ByADesaOperator_RejectsRowsOfAnotherVillageAsOutOfScope_AndOthersDoNotSeeTheImport()
    {
        var own = await BillingTestKit.CreateWorkerAsync(factory, village: Jondong);
        var neighbour = await BillingTestKit.CreateWorkerAsync(factory, village: Tengkujuh);
        var desa = await WorkersTestKit.ClientAsync(factory, Role.DesaOperator, Jondong);

        var result = await ImportAsync(desa, Csv(Row(own.Nik, "2026-01"), Row(neighbour.Nik, "2026-01")));

        var rows = await RowsAsync(desa, result.Id);
        Assert.Equal(new StatementImportCounts(1, 0, 0, 1, 0, 2), result.Counts);
        var outside = RowAt(rows, 3);
        Assert.Equal([StatementReasons.OutOfScope], Codes(outside));
        Assert.Null(outside.WorkerId);
        Assert.Null(outside.VillageCode);
        Assert.Null(await LedgerAsync(factory, neighbour.Id, "2026-01"));
        var otherDesa = await WorkersTestKit.ClientAsync(factory, Role.DesaOperator, Tengkujuh);
        Assert.Equal(HttpStatusCode.NotFound, (await otherDesa.GetAsync($"/api/v1/statements/{result.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherDesa.GetAsync($"/api/v1/statements/{result.Id}/rows")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await DisnakerAsync()).GetAsync($"/api/v1/statements/{result.Id}")).StatusCode);
    }

    [Fact]
    public async Task Import_OfProgrammeMonths_ReconcilesWithTheLedger_AndSelfPaidRowsForFundedMonthsNeedReview()
    {
        var programme = await EnrollmentTestKit.CreateProgrammeAsync(factory, new EnrollmentTestKit.ProgrammeSpec(From: "2026-01", To: "2026-02"));
        var a = await BillingTestKit.CreateWorkerAsync(factory);
        var b = await BillingTestKit.CreateWorkerAsync(factory);
        await EnrollmentTestKit.EnrollAsync(factory, programme, a.Id, b.Id);
        await BillingTestKit.BillAsync(factory, programme);
        await BillingTestKit.PayAsync(factory, programme, 2 * EnrollmentTestKit.MonthlyRate, "2026-01-10");
        var client = await DisnakerAsync();

        var result = await ImportAsync(client, Csv(
            Row(a.Nik, "2026-01", source: "program", amount: "16800"),
            Row(b.Nik, "2026-01", source: "program", amount: "10000"),
            Row(a.Nik, "2026-02", source: "program", amount: "16800"),
            Row(b.Nik, "2026-02", source: "mandiri")));

        var rows = await RowsAsync(client, result.Id);
        Assert.Equal(new StatementImportCounts(0, 0, 1, 0, 3, 4), result.Counts);
        Assert.Equal(("unchanged", StatementReasons.ProgrammePaymentMatches), (RowAt(rows, 2).Verdict, Codes(RowAt(rows, 2)).Single()));
        Assert.Equal([StatementReasons.ProgrammePaymentMismatch], Codes(RowAt(rows, 3)));
        Assert.Equal([StatementReasons.ProgrammePaymentMismatch], Codes(RowAt(rows, 4)));
        Assert.Equal([StatementReasons.FundedByProgramme], Codes(RowAt(rows, 5)));
        Assert.All(rows.Items.Where(r => r.Row > 2), r => Assert.Equal("needs_review", r.Verdict));
        // February is billed but unpaid: no ledger row until its money arrives, and the self-paid row was held, not written.
        Assert.Null(await LedgerAsync(factory, b.Id, "2026-02"));
    }

    [Fact]
    public async Task Import_OfASelfPaidMonthAfterTheDeathMonth_RecordsARefundOwedToThePayer_NotProtection()
    {
        var w = await BillingTestKit.CreateWorkerAsync(factory, deathDate: new DateOnly(2026, 3, 10));
        var kpj = NextKpj();
        var file = Csv(Row(w.Nik, "2026-03", kpj, paidOn: "2026-03-05"), Row(w.Nik, "2026-04", kpj, paidOn: "2026-04-05", reference: "BPJS-77"));
        var client = await DisnakerAsync();

        var first = await ImportAsync(client, file);
        var again = await ImportAsync(client, file);

        Assert.Equal(new StatementImportCounts(2, 0, 0, 0, 0, 2), first.Counts);
        Assert.Equal(new StatementImportCounts(0, 0, 2, 0, 0, 2), again.Counts);
        var rows = await RowsAsync(client, first.Id);
        Assert.Empty(Codes(RowAt(rows, 2)));
        Assert.Equal([StatementReasons.AfterDeath], Codes(RowAt(rows, 3)));
        Assert.NotNull(await LedgerAsync(factory, w.Id, "2026-03"));
        Assert.Null(await LedgerAsync(factory, w.Id, "2026-04"));
        await using var cmd = factory.Database.DataSource.CreateCommand(
            "select amount, paid_on, kpj, reference, status, death_date from billing.self_paid_refund where worker_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = w.Id });
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Equal((16_800L, new DateOnly(2026, 4, 5), kpj, "BPJS-77", "owed", new DateOnly(2026, 3, 10)),
            (r.GetInt64(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateOnly>(5)));
        Assert.False(await r.ReadAsync());
        var april = await client.GetFromJsonAsync<ProtectionResponse>($"/api/v1/workers/{w.Nik}/protection?date=2026-04-20", Json);
        Assert.False(april!.Protected);
    }

    [Fact]
    public async Task Import_OfAKpjKnownForAnotherWorker_NeedsReview_AndTeachesNothing()
    {
        var a = await BillingTestKit.CreateWorkerAsync(factory);
        var b = await BillingTestKit.CreateWorkerAsync(factory);
        var kpj = NextKpj();
        var client = await DisnakerAsync();
        await ImportAsync(client, Csv(Row(a.Nik, "2026-01", kpj)));

        var result = await ImportAsync(client, Csv(Row(b.Nik, "2026-01", kpj)));

        var row = RowAt(await RowsAsync(client, result.Id), 2);
        Assert.Equal(("needs_review", StatementReasons.KpjConflict), (row.Verdict, Codes(row).Single()));
        Assert.Null(await LedgerAsync(factory, b.Id, "2026-01"));
        Assert.Equal(0, await CountAsync(factory, "select count(*) from billing.worker_kpj where worker_id = $1", b.Id));
    }

    [Fact]
    public async Task Import_OfAnXlsxWithTheNikStoredAsANumber_RejectsTheRowWithTheExcelFloatReason()
    {
        var w = await BillingTestKit.CreateWorkerAsync(factory);
        var file = ImportFiles.Xlsx([Row(w.Nik, "2026-01"), Row(w.Nik, "2026-02")],
            (row, header, value) => row == 3 && header == "NIK" ? ImportFiles.NumberCell(double.Parse(value!, CultureInfo.InvariantCulture)) : null,
            Headers);
        var client = await DisnakerAsync();

        var result = await ImportAsync(client, file, "iuran.xlsx");

        var rows = await RowsAsync(client, result.Id);
        Assert.Equal(new StatementImportCounts(1, 0, 0, 1, 0, 2), result.Counts);
        Assert.Equal([StatementReasons.NikExcelFloat], Codes(RowAt(rows, 3)));
    }

    public static TheoryData<string, string, int, string> HostileFiles() => new()
    {
        { "binary", "bukan-lembar.csv", 415, "import.not_a_spreadsheet" },
        { "xls", "lama.xls", 415, "import.not_a_spreadsheet" },
        { "wrong-headers", "salah.csv", 422, "import.headers_missing" },
        { "no-identity-column", "tanpa-nik.csv", 422, "import.headers_missing" },
        { "headers-only", "kosong.csv", 422, "import.empty" },
        { "nothing", "nol.csv", 422, "import.empty" },
        { "zip-bomb", "bom.xlsx", 422, "import.zip_bomb" },
        { "latin1", "latin.csv", 422, "import.not_utf8" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task Upload_OfAHostileFile_IsRefusedWithItsCode_AndLeavesNothingBehind(string kind, string fileName, int status, string code)
    {
        var name = $"{Guid.NewGuid():N}-{fileName}";
        byte[] content = kind switch
        {
            "binary" => [0x00, 0x01, 0x02, 0x03, 0x00, 0xFF],
            "xls" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
            "wrong-headers" => Encoding.UTF8.GetBytes("Nama;Alamat\r\nSiti;Kalianda\r\n"),
            "no-identity-column" => Encoding.UTF8.GetBytes("Bulan;Jumlah;Tanggal Bayar;Sumber\r\n2026-01;16800;2026-01-10;mandiri\r\n"),
            "headers-only" => Encoding.UTF8.GetBytes(string.Join(';', Headers) + "\r\n"),
            "nothing" => [],
            "zip-bomb" => ImportFiles.ZipBomb(),
            _ => [.. Encoding.UTF8.GetBytes("NIK;Bulan;Jumlah;Tanggal Bayar;Sumber\r\n1801;2026-01;16800;2026-01-10;"), 0xE9, (byte)'\r', (byte)'\n'],
        };
        var client = await DisnakerAsync();

        var response = await UploadAsync(client, content, name);

        Assert.Equal(status, (int)response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        if (kind == "no-identity-column")
        {
            Assert.Equal("NIK atau KPJ", problem.GetProperty("missing")[0].GetString());
        }

        await using var cmd = factory.Database.DataSource.CreateCommand("select count(*) from billing.statement_import where file_name = $1");
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        Assert.Equal(0L, (long)(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Upload_BeyondTheSizeOrRowLimits_IsRefusedBeforeAnyJobExists()
    {
        var w = await BillingTestKit.CreateWorkerAsync(factory);
        var file = Csv(Row(w.Nik, "2026-01"), Row(w.Nik, "2026-02"), Row(w.Nik, "2026-03"));
        using var scope = factory.Services.CreateScope();
        var start = scope.As<StartStatementImport>(EnrollmentTestKit.Operator);

        var rows = await Assert.ThrowsAsync<ImportRefusedException>(() =>
            start.UploadAsync("banyak.csv", file, ImportLimits.Web with { MaxRows = 2 }, CancellationToken.None));
        var bytes = await Assert.ThrowsAsync<ImportRefusedException>(() =>
            start.UploadAsync("besar.csv", file, ImportLimits.Web with { MaxBytes = 64 }, CancellationToken.None));

        Assert.Equal(("import.too_many_rows", 413), (rows.Code, rows.Status));
        Assert.Equal(("import.too_large", 413), (bytes.Code, bytes.Status));
        Assert.Null(await LedgerAsync(factory, w.Id, "2026-01"));
    }

    [Fact]
    public async Task Template_HasTheStatementHeadersAndAnExampleRow_AndImportsAsIs()
    {
        var client = await DisnakerAsync();

        var response = await client.GetAsync("/api/v1/statements/template");
        var template = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheet = ImportFiles.ReadRows(template);
        Assert.Equal<string?>(Headers, sheet[0]);
        Assert.Equal<string?>(StatementColumns.All.Select(c => c.Example), sheet[1]);
        var imported = await ImportAsync(client, template, "templat.xlsx");
        Assert.Equal(1, imported.Counts!.Total);
    }

    [Fact]
    public async Task Pages_ShowTheUploadFormAndTheImportsCountsRowsAndErrorWorkbook()
    {
        var w = await BillingTestKit.CreateWorkerAsync(factory);
        var client = await DisnakerAsync();
        var result = await ImportAsync(client, Csv(Row(w.Nik, "2026-01"), Row(w.Nik, "2026-13")));

        var upload = await client.GetStringAsync("/iuran/impor");
        var page = await client.GetStringAsync($"/iuran/impor/{result.Id}");
        var errors = await client.GetAsync($"/api/v1/statements/{result.Id}/errors.xlsx");
        var badFilter = await client.GetAsync($"/api/v1/statements/{result.Id}/rows?verdict=semua");

        Assert.Contains("data-testid=\"import-form\"", upload, StringComparison.Ordinal);
        Assert.Contains($"/iuran/impor/{result.Id}", upload, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"count-created\">1<", page, StringComparison.Ordinal);
        Assert.Contains(StatementReasons.MonthInvalid, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, errors.StatusCode);
        var sheet = ImportFiles.ReadRows(await errors.Content.ReadAsByteArrayAsync());
        Assert.Equal("2026-13", sheet[1][2]);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
    }
}
