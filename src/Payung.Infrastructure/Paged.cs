namespace Payung.Infrastructure;

/// <summary>One page of a list; <see cref="Total"/> counts only what the caller's scope lets it see.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
