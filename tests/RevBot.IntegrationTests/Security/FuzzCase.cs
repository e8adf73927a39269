namespace RevBot.IntegrationTests.Security;

/// <summary>One generated request: which endpoint, whether it carries valid credentials, and how to build it.</summary>
internal sealed record FuzzCase(string Endpoint, bool Authentic, string Kind, Func<HttpRequestMessage> Build);
