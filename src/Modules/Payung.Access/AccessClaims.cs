namespace Payung.Access;

/// <summary>Claim types in the sign-in cookie and API key principal: only identifiers, never scope.</summary>
public static class AccessClaims
{
    public const string ActorId = "payung:actor_id";
    public const string ActorKind = "payung:actor_kind";

    public const string CookieScheme = "payung-cookie";
    public const string ApiKeyScheme = "payung-api-key";
    public const string PolicyScheme = "payung";
    public const string ApiKeyHeader = "X-Api-Key";
}
