using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Slack;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Outbox;

/// <summary>
/// A reply that travels through the outbox (a digest, an alert, a hand-off) keeps its language, so the sender's own
/// words ("… y 5 más" under a cut list of facts) are in it too, not in English.
/// </summary>
public sealed class OutboxLanguageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("es", "_… y 5 más_")]
    [InlineData(null, "_… and 5 more_")]
    public async Task The_slack_sender_writes_its_own_words_in_the_replys_language(string? language, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        var time = new FakeTimeProvider(OutboxWorld.Start);
        await using var slack = await FakeSlack.StartAsync(_ => FakeResponse.Ok("""{"ok":true,"channel":"C1","ts":"1700000000.000100"}"""), time);
        await using var world = OutboxWorld.Create(database, slack, time);
        var reply = new Reply
        {
            Title = "Resumen", Text = "Catorce cifras", Language = language,
            Facts = [.. Enumerable.Range(1, 14).Select(i => new ReplyFact($"F{i}", "1"))],
        };
        var row = OutboxWorld.Row("CLANG", "unused", time.GetUtcNow());
        row.Payload = ReplyJson.Serialize(reply);
        await world.AddAsync(row);

        Assert.Equal(1, await world.Dispatcher.RunOnceAsync(Ct));

        var blocks = JsonDocument.Parse(slack.Calls("chat.postMessage").Single().Body).RootElement.GetProperty("blocks");
        var fields = blocks.EnumerateArray().Where(b => b.TryGetProperty("fields", out _)).Single().GetProperty("fields");
        Assert.Equal(expected, fields[fields.GetArrayLength() - 1].GetProperty("text").GetString());
    }
}
