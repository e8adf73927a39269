namespace RevBot.Data.Csv;

/// <summary>Every user by email (case-insensitive) once users.csv and the referenced emails are written.</summary>
internal sealed class UserDirectory(Dictionary<string, Core.Domain.User> byEmail)
{
    public int? IdOf(string? email) => email is null ? null : byEmail[email].Id;
}
