namespace RevBot.Host.Api;

/// <summary>Section <c>Api</c>. With no <see cref="Key"/> the HTTP API is not mapped at all (fails closed).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    public string? Key { get; set; }

    /// <summary>The RevBot user that changes made through the API are attributed to.</summary>
    public string? UserEmail { get; set; }
}
