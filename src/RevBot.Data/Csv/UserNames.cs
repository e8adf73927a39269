namespace RevBot.Data.Csv;

/// <summary>The name given to a user known only by an email address: "jane.doe@acme.com" becomes "Jane Doe".</summary>
internal static class UserNames
{
    private const int MaxLength = 200;

    public static string FromEmail(string email)
    {
        var local = email[..Math.Max(0, email.IndexOf('@', StringComparison.Ordinal))];
        var words = local.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var name = words.Length == 0 ? email : string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        return name.Length <= MaxLength ? name : name[..MaxLength];
    }
}
