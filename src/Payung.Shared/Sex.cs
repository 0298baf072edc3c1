namespace Payung.Shared;

public enum Sex
{
    Male,
    Female,
}
