namespace Payung.Shared;

/// <summary>
/// Who is calling and which regions they may see. Built once per request from the signed-in user or
/// API key; every module's queries of personal data are filtered through it in one place
/// (Payung.Infrastructure.ScopedDbContext), and every write checks <see cref="Covers"/>.
/// Outside the scope a record does not exist.
/// </summary>
public sealed record CallerScope
{
    private CallerScope(ActorKind kind, Guid? actorId, string actorName, Role? role, bool allRegions,
        IReadOnlyList<string> regencies, string? within, string? scopeCode, string? branchCode, string? remoteIp)
    {
        Kind = kind;
        ActorId = actorId;
        ActorName = actorName;
        Role = role;
        AllRegions = allRegions;
        Regencies = regencies;
        Within = within;
        ScopeCode = scopeCode;
        BranchCode = branchCode;
        RemoteIp = remoteIp;
    }

    public ActorKind Kind { get; }
    public Guid? ActorId { get; }
    public string ActorName { get; }
    public Role? Role { get; }

    /// <summary>National: no region filter at all.</summary>
    public bool AllRegions { get; }

    /// <summary>Regency codes (PP.RR) the caller may see; empty when <see cref="AllRegions"/> or nothing.</summary>
    public IReadOnlyList<string> Regencies { get; }

    /// <summary>For district and village roles: the code a record's region must lie within.</summary>
    public string? Within { get; }

    public string? ScopeCode { get; }
    public string? BranchCode { get; }
    public string? RemoteIp { get; }

    /// <summary>No regions, no personal data: the caller before sign-in.</summary>
    public static CallerScope Anonymous { get; } =
        new(ActorKind.Anonymous, null, "anonim", null, false, [], null, null, null, null);

    /// <summary>Start-up, migrations, demo data and the CLI acting as the system itself.</summary>
    public static CallerScope System(string name = "system") =>
        new(ActorKind.System, null, name, null, true, [], null, null, null, null);

    /// <summary>
    /// A user's or key's scope. <paramref name="regencies"/> is what the scope expands to: the province's
    /// regencies for a province viewer, the branch's for a BPJS officer, else the one regency.
    /// </summary>
    public static CallerScope ForActor(ActorKind kind, Guid actorId, string actorName, Role role,
        string? scopeCode, string? branchCode, IReadOnlyList<string> regencies, string? remoteIp)
    {
        if (kind is not (ActorKind.User or ActorKind.ApiKey))
        {
            throw new ArgumentException("Only users and API keys have role scopes.", nameof(kind));
        }

        var within = role is global::Payung.Shared.Role.KecamatanOperator or global::Payung.Shared.Role.DesaOperator
            ? scopeCode ?? throw new ArgumentException("District and village roles need a scope code.", nameof(scopeCode))
            : null;
        var all = role == global::Payung.Shared.Role.NationalAdmin;
        return new CallerScope(kind, actorId, actorName, role, all, all ? [] : regencies.ToArray(), within,
            scopeCode, branchCode, remoteIp);
    }

    public bool IsAuthenticated => Kind is ActorKind.User or ActorKind.ApiKey or ActorKind.System;

    /// <summary>Executive viewers see aggregates only; anonymous callers see nothing personal.</summary>
    public bool CanSeePersonalData => IsAuthenticated && Role != global::Payung.Shared.Role.ExecutiveViewer;

    /// <summary>Roles that may look at personal records but do not need them in full (e.g. province monitoring).</summary>
    public bool MasksPersonalData => Role == global::Payung.Shared.Role.ProvinceViewer;

    /// <summary>Whether a record located at <paramref name="code"/> (any level) lies inside the scope.</summary>
    public bool Covers(RegionCode code)
    {
        if (AllRegions)
        {
            return true;
        }

        if (code.RegencyCode is not { } regency || !Regencies.Contains(regency.Value))
        {
            return false;
        }

        return Within is null || (RegionCode.TryParse(Within, out var within) && code.IsWithin(within));
    }

    public bool Covers(string? code) => code is not null && RegionCode.TryParse(code, out var parsed) && Covers(parsed);

    public CallerScope WithRemoteIp(string? ip) =>
        new(Kind, ActorId, ActorName, Role, AllRegions, Regencies, Within, ScopeCode, BranchCode, ip);
}
