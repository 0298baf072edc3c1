using Npgsql;
using Payung.Billing.ManageBillingSettings;

namespace Payung.Billing.NotifyParticipants;

/// <summary>
/// The house settings (<c>billing.setting</c>) the hand-over, the reminders and the dispatcher follow. A setting an
/// administrator left unreadable is a fault to fix in the table, not something to guess around.
/// </summary>
internal sealed record OutboxSettings(
    int HandoverNoticeDays,
    int ReminderAfterUnpaidMonths,
    string PaymentInstructions,
    string Channel,
    int MaxAttempts,
    int RetryMinutes)
{
    public static async Task<OutboxSettings> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("select key, value from billing.setting", conn, tx))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                values[r.GetString(0)] = r.GetString(1);
            }
        }

        return new OutboxSettings(
            BillingSettingRules.Number(values, "handover_notice_days"),
            BillingSettingRules.Number(values, "reminder_after_unpaid_months"),
            BillingSettingRules.Text(values, "self_paid_payment_instructions"),
            BillingSettingRules.Text(values, "notification_channel"),
            BillingSettingRules.Number(values, "notification_max_attempts"),
            BillingSettingRules.Number(values, "notification_retry_minutes"));
    }
}
