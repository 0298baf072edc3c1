using System.Diagnostics.CodeAnalysis;

namespace Payung.Shared;

/// <summary>The one-letter codes <c>M</c>/<c>F</c> used where a sex is stored or exchanged as text.</summary>
public static class SexExtensions
{
    extension(Sex sex)
    {
        public string ToCode() => sex switch
        {
            Sex.Male => "M",
            Sex.Female => "F",
            _ => throw new ArgumentOutOfRangeException(nameof(sex), sex, "Unknown sex value."),
        };
    }

    extension(Sex)
    {
        public static Sex FromCode(string code) =>
            TryFromCode(code, out var sex)
                ? sex
                : throw new FormatException($"'{code}' is not a sex code; expected \"M\" or \"F\".");

        public static bool TryFromCode([NotNullWhen(true)] string? code, out Sex sex)
        {
            switch (code)
            {
                case "M":
                    sex = Sex.Male;
                    return true;
                case "F":
                    sex = Sex.Female;
                    return true;
                default:
                    sex = default;
                    return false;
            }
        }
    }
}
