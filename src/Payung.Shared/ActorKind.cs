namespace Payung.Shared;

public enum ActorKind
{
    Anonymous,
    User,
    ApiKey,
    System,
}
