namespace Payung.Infrastructure.Spreadsheets;

public enum ImportFormat
{
    Csv,
    Xlsx,
}
