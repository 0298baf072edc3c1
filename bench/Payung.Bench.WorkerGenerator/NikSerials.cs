namespace Payung.Bench.WorkerGenerator;

/// <summary>
/// Hands out the 4-digit NIK serial per (district, encoded birth date), as Dukcapil does, so every good NIK
/// is unique. NIKs of earlier files (<c>--exclude-niks-from</c>) reserve their serials, which keeps a new file
/// disjoint from the workers already registered.
/// </summary>
internal sealed class NikSerials
{
    private const int MaxSerial = 9999;

    // Key: the first 12 NIK digits (district + encoded birth date) as a number; value: the last serial used.
    private readonly Dictionary<long, short> lastSerial = new(1 << 20);

    public int Reserved { get; private set; }

    /// <summary>Reserves the serial of every 16-digit NIK in the first column of a CSV file (header skipped).</summary>
    public void ReserveFrom(string csvPath, char separator)
    {
        using var reader = new StreamReader(csvPath, System.Text.Encoding.UTF8, true, 1 << 16);
        _ = reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var end = line.IndexOf(separator);
            var nik = (end < 0 ? line : line[..end]).Trim().Trim('"');
            if (nik.Length == 16 && long.TryParse(nik, out var value) && nik.All(char.IsAsciiDigit))
            {
                var prefix = value / 10_000;
                var serial = (short)(value % 10_000);
                if (!lastSerial.TryGetValue(prefix, out var last) || last < serial)
                {
                    lastSerial[prefix] = serial;
                }

                Reserved++;
            }
        }
    }

    /// <summary>The next free serial for a 12-digit prefix, or null when all 9,999 are taken.</summary>
    public int? Next(string twelveDigits)
    {
        var prefix = long.Parse(twelveDigits, System.Globalization.CultureInfo.InvariantCulture);
        lastSerial.TryGetValue(prefix, out var last);
        if (last >= MaxSerial)
        {
            return null;
        }

        lastSerial[prefix] = (short)(last + 1);
        return last + 1;
    }
}
