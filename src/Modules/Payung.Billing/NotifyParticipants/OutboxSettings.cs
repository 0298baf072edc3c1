using System.Globalization;
using Npgsql;

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

        var channel = Text(values, "notification_channel");
        if (channel is not ("sms" or "whatsapp"))
        {
            throw new InvalidOperationException($"billing.setting notification_channel must be sms or whatsapp, not '{channel}'.");
        }

        return new OutboxSettings(
            Number(values, "handover_notice_days", 0, 366),
            Number(values, "reminder_after_unpaid_months", 1, 24),
            Text(values, "self_paid_payment_instructions"),
            channel,
            Number(values, "notification_max_attempts", 1, 100),
            Number(values, "notification_retry_minutes", 1, 10_080));
    }

    private static string Text(Dictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) && value.Trim() is { Length: > 0 } text
            ? text
            : throw new InvalidOperationException($"billing.setting {key} is missing.");

    private static int Number(Dictionary<string, string> values, string key, int min, int max) =>
        int.TryParse(Text(values, key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new InvalidOperationException($"billing.setting {key} must be a whole number from {min} to {max}.");
}
