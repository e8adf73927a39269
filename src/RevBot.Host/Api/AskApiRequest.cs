namespace RevBot.Host.Api;

/// <summary>The body of <c>POST /api/ask</c>.</summary>
internal sealed record AskApiRequest(string? Question, string? AsOf, string? User, string? Session);
