using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Images;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Teams;

/// <summary>
/// A question asking for a chart, through the real Teams host with a public base URL: the answer card shows the PNG
/// as an Image loaded from /images/{token}.png, as the digests' cards do, and keeps its table of numbers.
/// </summary>
public sealed class TeamsChartTests : IAsyncLifetime
{
    private const string PublicBase = "http://127.0.0.1:9/";
    private readonly TeamsBotHost _host = new([$"--Teams:PublicBaseUrl={PublicBase}"]);

    public ValueTask InitializeAsync() => _host.InitializeAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_chart_question_is_answered_with_a_card_showing_the_stored_png_and_the_table()
    {
        var conversation = $"a:{Guid.NewGuid():N}";
        await _host.PostAsync(_host.Activity("message", conversation, "chart bookings by month"));

        var sent = await _host.SentToAsync(conversation, s => s.Any(r => r.Path.Contains("/activities/", StringComparison.Ordinal)));
        var card = TeamsBotHost.Parse(sent.Last().Body).GetProperty("attachments")[0].GetProperty("content");
        var image = Elements(card.GetProperty("body")).Single(e => Is(e, "Image"));
        var url = image.GetProperty("url").GetString()!;
        Assert.StartsWith(PublicBase + "images/", url, StringComparison.Ordinal);
        Assert.StartsWith("Bar chart: Bookings by month, ", image.GetProperty("altText").GetString(), StringComparison.Ordinal);
        Assert.Contains(Elements(card.GetProperty("body")), e => Is(e, "Container") && e.TryGetProperty("id", out var id) && id.GetString() == "reply_table");
        // The numbers are in text: the table under the image, and the card's fallback (the sentence above the table says
        // what the series is, and leaves its values to the table).
        Assert.Matches(@"\$[0-9]", card.GetProperty("fallbackText").GetString());

        // The host serves the very PNG the card points at: one bar per month.
        using var response = await _host.Http.GetAsync(new Uri(url).AbsolutePath, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal((800, 400), PngBars.Size(png));
        // One bar per month: every month the small demo company booked a visible share of its best month shows one.
        var answer = await _host.WithScopeAsync(sp => sp.GetRequiredService<AskService>().AskAsync(new AskRequest("chart bookings by month"), TestContext.Current.CancellationToken));
        Assert.Equal(12, answer.Chart!.Points);
        // The image's alt text reads every bar with its value, as the answer writes it.
        var f = new AnswerFormatter(answer.Language, answer.Currency ?? "USD");
        Assert.All(answer.Breakdown!, b => Assert.Contains($"{b.Label} {f.Value(b.Value, RevBot.Core.Metrics.MetricUnit.Currency)}", image.GetProperty("altText").GetString(), StringComparison.Ordinal));
        var body = card.GetProperty("body").GetRawText();
        Assert.All(answer.Breakdown!, b => Assert.Contains(b.Label, body, StringComparison.Ordinal));
        var values = answer.Breakdown!.Select(b => b.Value ?? 0).ToList();
        Assert.InRange(PngBars.Count(png), values.Count(v => v > values.Max() * 0.05m), values.Count(v => v > 0));
    }

    [Fact]
    public async Task A_question_without_chart_words_stores_no_image()
    {
        var conversation = $"a:{Guid.NewGuid():N}";
        var before = await _host.WithDbAsync(db => Task.FromResult(db.ReplyImages.Count()));
        await _host.PostAsync(_host.Activity("message", conversation, "bookings by month"));

        var sent = await _host.SentToAsync(conversation, s => s.Any(r => r.Path.Contains("/activities/", StringComparison.Ordinal)));
        var card = TeamsBotHost.Parse(sent.Last().Body).GetProperty("attachments")[0].GetProperty("content");

        Assert.DoesNotContain(Elements(card.GetProperty("body")), e => Is(e, "Image"));
        Assert.Equal(before, await _host.WithDbAsync(db => Task.FromResult(db.ReplyImages.Count())));
    }

    private static bool Is(JsonElement element, string type) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var t) && t.GetString() == type;

    /// <summary>Every element of a card body, containers included.</summary>
    private static IEnumerable<JsonElement> Elements(JsonElement items)
    {
        foreach (var item in items.EnumerateArray())
        {
            yield return item;
            foreach (var nested in new[] { "items", "columns" })
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(nested, out var children) && children.ValueKind == JsonValueKind.Array)
                {
                    foreach (var child in Elements(children)) yield return child;
                }
            }
        }
    }
}
