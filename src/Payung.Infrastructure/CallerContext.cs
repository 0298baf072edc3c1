using Payung.Shared;

namespace Payung.Infrastructure;

/// <summary>
/// The caller of the current request or job (a scoped service). It starts as
/// <see cref="CallerScope.Anonymous"/>: code that runs outside a request (start-up, CLI, jobs) must say
/// explicitly that it acts as the system, so nothing sees everything by accident.
/// </summary>
public sealed class CallerContext
{
    public CallerScope Scope { get; set; } = CallerScope.Anonymous;
}
