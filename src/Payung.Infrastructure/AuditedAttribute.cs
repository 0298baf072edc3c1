namespace Payung.Infrastructure;

/// <summary>
/// Marks an entity whose changes through EF are written to the audit log by
/// <see cref="AuditInterceptor"/>, in the same transaction. <see cref="Entity"/> is the stable name
/// shown in the audit (e.g. "user").
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuditedAttribute(string entity) : Attribute
{
    public string Entity { get; } = entity;
}

/// <summary>A property never copied into the audit (secrets such as password hashes).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
