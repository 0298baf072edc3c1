namespace Payung.Infrastructure.Rules;

/// <summary>A cache whose tables, when they change in any process, <see cref="RuleChangeListener"/> tells it to forget.</summary>
public interface IRuleCache
{
    /// <summary>The tables (<c>schema.table</c>) the cached value is read from.</summary>
    IReadOnlyCollection<string> Tables { get; }

    void Invalidate();
}

/// <summary>
/// A small rule table (rates, holidays, settings) read once and kept in memory: one load shared by concurrent callers,
/// read again after <see cref="Invalidate"/> — which the writer calls in its own process and
/// <see cref="RuleChangeListener"/> calls (through the owning <see cref="IRuleCache"/>) in every other one.
/// </summary>
public sealed class CachedRuleTable<T>(Func<CancellationToken, Task<T>> load)
{
    private Task<T>? loading;

    public Task<T> GetAsync(CancellationToken ct)
    {
        var current = loading;
        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            // Not the caller's token: a load shared by concurrent callers must not be cancelled by one of them.
            current = load(CancellationToken.None);
            loading = current;
        }

        return current.WaitAsync(ct);
    }

    public void Invalidate() => loading = null;
}
