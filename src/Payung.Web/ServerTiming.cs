using System.Diagnostics;
using System.Globalization;

namespace Payung.Web;

/// <summary>
/// Tells the browser how long the server worked on a response (<c>Server-Timing: app;dur=12.3</c>, in
/// milliseconds), so the developer tools, and the crawl test that holds every page under one second, see the
/// server's time apart from the network's.
/// </summary>
internal sealed class ServerTiming(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Response.Headers["Server-Timing"] = "app;dur=" + elapsed.ToString("0.0", CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        return next(context);
    }
}
