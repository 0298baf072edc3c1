using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payung.Billing.CheckProtection;
using Payung.Billing.GenerateMonthlyBills;
using Payung.Billing.RecordPayment;
using Payung.Billing.ReviewBills;
using Payung.Tests.Programs.Enrollment;
using Payung.Tests.Registry.Workers;

namespace Payung.Tests.Billing;

/// <summary>
/// Billing tests build on the enrolment kit (programmes and enrolments of a test's own in Lampung Selatan) and run
/// Billing's use cases in a DI scope as its Disnaker operator.
/// </summary>
internal static class BillingTestKit
{
    // NIKs of the billing tests: district 18.97.97 (unassigned) and serials 5000–7999.
    private static int serial = 5000;

    public static async Task<(Guid Id, string Nik)> CreateWorkerAsync(PayungApiFactory factory, DateOnly? deathDate = null,
        string village = "18.01.06.2001", string occupation = "petani")
    {
        var id = Guid.CreateVersion7();
        var next = Interlocked.Increment(ref serial);
        Assert.True(next <= 7999, "The billing tests used up their NIK serials.");
        var nik = string.Create(CultureInfo.InvariantCulture, $"189797050585{next:0000}");
        await using var cmd = factory.Database.DataSource.CreateCommand("""
            insert into registry.worker (id, nik, full_name, birth_date, sex, village_code, occupation_code, dtsen_decile,
                                         status, death_date, phone, created_at, updated_at)
            values ($1, $2, 'Peserta Uji Tagihan', date '1985-05-05', 'M', $5, $6, 2, $3, $4, '081234567890',
                    clock_timestamp(), clock_timestamp())
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = nik });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = deathDate is null ? "alive" : "deceased" });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)deathDate ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = village });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = occupation });
        await cmd.ExecuteNonQueryAsync();
        return (id, nik);
    }

    public static async Task<GenerateBillsResponse> BillAsync(PayungApiFactory factory, Guid programmeId, string? month = null)
    {
        using var scope = factory.Services.CreateScope();
        var outcome = await scope.As<GenerateBills>(EnrollmentTestKit.Operator)
            .ExecuteAsync(programmeId, new GenerateBillsRequest(month), CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Code);
        return outcome.Value;
    }

    public static async Task<PaymentResponse> PayAsync(PayungApiFactory factory, Guid programmeId, long amount, string paidOn,
        string? reference = null, IReadOnlyList<Guid>? billIds = null)
    {
        using var scope = factory.Services.CreateScope();
        var outcome = await scope.As<RecordPayment>(EnrollmentTestKit.Operator).ExecuteAsync(programmeId,
            new RecordPaymentRequest(null, "sp2d", reference ?? $"SP2D/{Guid.NewGuid():N}", paidOn, amount, billIds, null), CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Code);
        return outcome.Value;
    }

    public static async Task<ProgrammeMoneyResponse> MoneyAsync(PayungApiFactory factory, Guid programmeId)
    {
        using var scope = factory.Services.CreateScope();
        var outcome = await scope.As<ProgrammeMoney>(EnrollmentTestKit.Operator).ExecuteAsync(programmeId, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Code);
        return outcome.Value;
    }

    public static async Task<ProtectionResponse> ProtectionAsync(PayungApiFactory factory, string nik, string date)
    {
        using var scope = factory.Services.CreateScope();
        var outcome = await scope.As<CheckProtection>(EnrollmentTestKit.Operator).OnDateAsync(nik, date, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Code);
        return outcome.Value;
    }

    public static async Task<IReadOnlyList<BillLineResponse>> LinesAsync(PayungApiFactory factory, Guid billId)
    {
        using var scope = factory.Services.CreateScope();
        var outcome = await scope.As<BillLines>(EnrollmentTestKit.Operator).ExecuteAsync(billId, 1, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Code);
        return outcome.Value.Items;
    }
}
