using System.Text;

namespace RevBot.Data.Demo;

/// <summary>Turns generated names into domains and email addresses.</summary>
internal static class DemoText
{
    /// <summary>"O'Keefe & Sons" becomes "okeefe-sons".</summary>
    public static string Slug(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (c == ' ' && sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "company" : slug;
    }

    /// <summary>"O'Keefe" becomes "okeefe".</summary>
    public static string EmailLocal(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.Length == 0 ? "contact" : sb.ToString();
    }
}
