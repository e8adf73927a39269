namespace RevBot.IntegrationTests.Teams;

internal sealed record RecordedRequest(string Method, string Path, string Authorization, string Body, DateTimeOffset At);
