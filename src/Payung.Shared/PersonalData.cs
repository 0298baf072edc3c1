namespace Payung.Shared;

/// <summary>
/// Masking of personal data (UU 27/2022) for viewers who do not need it in full:
/// the first four and last four characters stay, e.g. NIK 1801********0003.
/// </summary>
public static class PersonalData
{
    public static string? Mask(string? value, int keepStart = 4, int keepEnd = 4)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        if (value.Length <= keepStart + keepEnd)
        {
            return new string('*', value.Length);
        }

        return string.Concat(value.AsSpan(0, keepStart), new string('*', value.Length - keepStart - keepEnd), value.AsSpan(value.Length - keepEnd));
    }

    /// <summary>Phone numbers keep the operator prefix and the last three digits: 0812*****678.</summary>
    public static string? MaskPhone(string? phone) => Mask(phone, 4, 3);

    /// <summary>Bank accounts keep only the last four digits.</summary>
    public static string? MaskBankAccount(string? account) => Mask(account, 0, 4);

    /// <summary>Shows the value in full, masked, or not at all, as the caller's scope allows.</summary>
    public static string? For(CallerScope scope, string? value, Func<string?, string?>? mask = null) =>
        !scope.CanSeePersonalData ? null : scope.MasksPersonalData ? (mask ?? (v => Mask(v)))(value) : value;
}
