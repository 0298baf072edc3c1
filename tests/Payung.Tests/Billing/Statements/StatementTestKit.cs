using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Payung.Billing.ImportStatements;
using Payung.Infrastructure.Spreadsheets;
using Payung.Tests.Registry.Import;

namespace Payung.Tests.Billing.Statements;

/// <summary>Statement files of a test's own (CSV or xlsx through the import kit's file builders) and the statement API as a test drives it.</summary>
internal static class StatementTestKit
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<string> Headers { get; } = StatementColumns.All.Select(c => c.Header).ToList();

    // KPJs of the statement tests: 11 digits starting 95.
    private static long kpj;

    public static string NextKpj() => string.Create(CultureInfo.InvariantCulture, $"95{Interlocked.Increment(ref kpj):000000000}");

    /// <summary>One statement row by header; defaults: self-paid Rp16.800 paid on the 10th of the month.</summary>
    public static ImportRowBuilder Row(string? nik, string month, string? kpj = null, string amount = "16800", string? paidOn = null,
        string source = "mandiri", string? reference = null) =>
        new ImportRowBuilder()
            .With("NIK", nik).With("KPJ", kpj).With("Bulan", month).With("Jumlah", amount)
            .With("Tanggal Bayar", paidOn ?? month + "-10").With("Sumber", source).With("Referensi", reference);

    public static byte[] Csv(params ImportRowBuilder[] rows) => ImportFiles.Csv(rows, headers: Headers);

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName = "iuran.csv")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? ImportWorkbook.ContentType : "text/csv");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/v1/statements", form);
    }

    /// <summary>Uploads, expects 202, and waits until the job has succeeded.</summary>
    public static async Task<StatementImportStatus> ImportAsync(HttpClient client, byte[] content, string fileName = "iuran.csv")
    {
        var response = await UploadAsync(client, content, fileName);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var accepted = (await response.Content.ReadFromJsonAsync<ImportAcceptedResponse>(Json))!;
        Assert.Equal($"/api/v1/statements/{accepted.Id}", response.Headers.Location?.OriginalString);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var status = (await client.GetFromJsonAsync<StatementImportStatus>($"/api/v1/statements/{accepted.Id}", Json))!;
            if (status.Finished)
            {
                Assert.True(status.Status == "succeeded", $"{status.ErrorCode}: {status.ErrorMessage}");
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Statement import {accepted.Id} still {status.Status} after 90 s.");
            }

            await Task.Delay(100);
        }
    }

    public static async Task<StatementRowPage> RowsAsync(HttpClient client, Guid id, string? verdict = null) =>
        (await client.GetFromJsonAsync<StatementRowPage>(
            $"/api/v1/statements/{id}/rows?pageSize=500" + (verdict is null ? "" : "&verdict=" + verdict), Json))!;

    public static StatementRowItem RowAt(StatementRowPage page, int row) => Assert.Single(page.Items, r => r.Row == row);

    public static IReadOnlyList<string> Codes(StatementRowItem row) => row.Reasons.Select(r => r.Code).ToList();

    /// <summary>The worker's ledger month: (source, due, paid, paid on, kpj), or null.</summary>
    public static async Task<(string Source, long Due, long Paid, DateOnly? PaidOn, string? Kpj)?> LedgerAsync(PayungApiFactory factory, Guid worker, string month)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand(
            "select source, amount_due, amount_paid, paid_on, kpj from billing.contribution where worker_id = $1 and month = $2");
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = worker });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync()
            ? (r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3), r.IsDBNull(4) ? null : r.GetString(4))
            : null;
    }

    public static async Task<long> CountAsync(PayungApiFactory factory, string sql, Guid worker)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand(sql);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = worker });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
