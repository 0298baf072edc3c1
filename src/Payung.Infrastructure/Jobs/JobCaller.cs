using Payung.Shared;

namespace Payung.Infrastructure.Jobs;

/// <summary>
/// The job creator's <see cref="CallerScope"/> in a form that survives in the job's payload, so that the
/// handler works within the creator's scope — never the system's — even when it runs hours later in
/// another process. The regencies are those the scope expanded to when the job was created.
/// </summary>
public sealed record JobCaller(
    string Kind,
    Guid? ActorId,
    string ActorName,
    string? Role,
    string? ScopeCode,
    string? BranchCode,
    IReadOnlyList<string> Regencies,
    string? RemoteIp)
{
    public static JobCaller From(CallerScope scope) => new(
        scope.Kind switch
        {
            ActorKind.User => "user",
            ActorKind.ApiKey => "api_key",
            ActorKind.System => "system",
            _ => throw new InvalidOperationException("An anonymous caller cannot create a job."),
        },
        scope.ActorId,
        scope.ActorName,
        scope.Role?.ToCode(),
        scope.ScopeCode,
        scope.BranchCode,
        scope.Regencies.ToArray(),
        scope.RemoteIp);

    public CallerScope ToScope() => Kind switch
    {
        "system" => CallerScope.System(ActorName),
        "user" or "api_key" => CallerScope.ForActor(
            Kind == "user" ? ActorKind.User : ActorKind.ApiKey,
            ActorId ?? throw new InvalidOperationException("A job created by a user or key records its id."),
            ActorName,
            RoleCodes.Parse(Role ?? throw new InvalidOperationException("A job created by a user or key records its role.")),
            ScopeCode,
            BranchCode,
            Regencies,
            RemoteIp),
        _ => throw new InvalidOperationException($"Unknown job caller kind '{Kind}'."),
    };
}
