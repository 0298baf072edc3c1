using System.Text.Json;
using Payung.Shared;

namespace Payung.Infrastructure.Jobs;

/// <summary>
/// A job to put in the queue. <paramref name="Data"/> is what the handler reads back with
/// <see cref="JobContext.ReadData{T}"/>; the creator's scope is stored beside it. With a
/// <paramref name="LeaseOwner"/> the job is created already running and leased to that owner (the CLI
/// runs its own jobs in-process), so no worker picks it up while the owner renews the lease.
/// </summary>
public sealed record JobRequest(
    string Kind,
    JsonElement Data,
    CallerScope Caller,
    long? Total = null,
    string? LeaseOwner = null,
    int MaxAttempts = 3)
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
}
