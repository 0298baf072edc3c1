namespace Payung.Cli;

public static class CliProgram
{
    public static int Main(string[] args) => 0;
}
