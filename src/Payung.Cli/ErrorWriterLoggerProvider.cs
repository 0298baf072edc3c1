using Microsoft.Extensions.Logging;

namespace Payung.Cli;

/// <summary>
/// Sends log messages to the command's error writer, one line each, so that stdout carries only
/// results and tests capture everything in-process. The console logger would write to the real
/// stderr from a background thread instead.
/// </summary>
internal sealed class ErrorWriterLoggerProvider(TextWriter error, LogLevel minimumLevel) : ILoggerProvider
{
    private readonly LogLevel minimumLevel = minimumLevel;
    private readonly Lock writeLock = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string message)
    {
        var label = level switch
        {
            LogLevel.Trace => "trace",
            LogLevel.Debug => "debug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "error",
            _ => "crit",
        };
        lock (writeLock)
        {
            error.WriteLine($"{label}: {message.ReplaceLineEndings(" ")}");
        }
    }

    private sealed class Logger(ErrorWriterLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= provider.minimumLevel;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var message = formatter(state, exception);
                provider.Write(logLevel, exception is null ? message : $"{message} ({exception.Message})");
            }
        }
    }
}
