namespace Payung.Registry.ImportWorkers;

public enum ImportFormat
{
    Csv,
    Xlsx,
}
