namespace RevBot.Core.Domain;

/// <summary>What a person does in the company; decides what they may change and which digest fits them.</summary>
public enum UserRole
{
    Rep,
    Manager,
    Revops,
    Cs,
    Marketing,
    Finance,
    Exec,
}
