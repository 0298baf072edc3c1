using System.Globalization;

namespace Payung.Billing.ManageBillingSettings;

/// <summary>What each house setting in <c>billing.setting</c> may hold: one place for the checks on write and on read.</summary>
internal static class BillingSettingRules
{
    private sealed record Rule(int? Min = null, int? Max = null, string[]? Choices = null, int MinLength = 1, int MaxLength = 500);

    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        ["handover_notice_days"] = new(Min: 0, Max: 366),
        ["reminder_after_unpaid_months"] = new(Min: 1, Max: 24),
        ["self_paid_payment_instructions"] = new(MinLength: 10, MaxLength: 500),
        ["notification_channel"] = new(Choices: ["sms", "whatsapp"]),
        ["notification_max_attempts"] = new(Min: 1, Max: 100),
        ["notification_retry_minutes"] = new(Min: 1, Max: 10_080),
    };

    public static bool IsKnown(string key) => Rules.ContainsKey(key);

    /// <summary>The Indonesian reason <paramref name="value"/> cannot be stored under <paramref name="key"/>, or null.</summary>
    public static string? Problem(string key, string? value)
    {
        var rule = Rules[key];
        var text = value?.Trim() ?? "";
        if (rule.Min is { } min && rule.Max is { } max)
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                ? null
                : $"Harus bilangan bulat dari {min} sampai {max}.";
        }

        if (rule.Choices is { } choices)
        {
            return choices.Contains(text, StringComparer.Ordinal) ? null : $"Pilih salah satu: {string.Join(", ", choices)}.";
        }

        return text.Length >= rule.MinLength && text.Length <= rule.MaxLength && !text.Any(char.IsControl)
            ? null
            : $"Teks {rule.MinLength}–{rule.MaxLength} karakter tanpa karakter kendali.";
    }

    /// <summary>A whole-number setting as stored; a value an administrator could not have stored is a fault, not a guess.</summary>
    public static int Number(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) && Problem(key, value) is null
            ? int.Parse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"billing.setting {key} is missing or invalid: {Problem(key, values.GetValueOrDefault(key))}");

    public static string Text(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) && Problem(key, value) is null
            ? value.Trim()
            : throw new InvalidOperationException($"billing.setting {key} is missing or invalid: {Problem(key, values.GetValueOrDefault(key))}");
}
