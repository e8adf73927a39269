using RevBot.Core.Domain;

namespace RevBot.Core.Storage;

/// <summary>Finding RevBot users by e-mail, the one way every part of RevBot does it: trimmed and case-insensitive.</summary>
public static class UserEmails
{
    /// <summary>The <c>users.email</c> column's size (the longest address RFC 5321 allows).</summary>
    public const int MaxLength = 320;

    public static IQueryable<User> WithEmail(this IQueryable<User> users, string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var lower = email.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // ToLower is translated to SQL; the comparer overloads are not.
        return users.Where(u => u.Email.ToLower() == lower);
#pragma warning restore CA1862
    }
}
