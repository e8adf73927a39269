using RevBot.Core.Settings;

namespace RevBot.Host.Api;

/// <summary>Section <c>Api</c>. With no <see cref="Key"/> the HTTP API is not mapped at all (fails closed).</summary>
public sealed class ApiOptions : ICheckedOptions
{
    public const string Section = "Api";

    public string? Key { get; set; }

    /// <summary>The RevBot user that changes made through the API are attributed to.</summary>
    public string? UserEmail { get; set; }

    /// <summary>With a key set, changes need someone to be attributed to: a well-formed e-mail (its user is looked up per request).</summary>
    public static bool HasUserWhenKeyed(ApiOptions options) =>
        string.IsNullOrEmpty(options?.Key) || options.UserEmail is { Length: >= 3 } email && email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);

    public IEnumerable<string> Problems()
    {
        if (!HasUserWhenKeyed(this))
            yield return "Api:UserEmail must be the e-mail of the RevBot user that changes made through the API are attributed to (required when Api:Key is set).";
    }
}
