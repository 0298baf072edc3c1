namespace Payung.Infrastructure;

public sealed record EmbeddedPostgresOptions(string DataDirectory, int Port, string Database = "payung")
{
    public const int DefaultPort = 5439;
}
