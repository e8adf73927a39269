using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RevBot.IntegrationTests.Ask;

namespace RevBot.IntegrationTests.Security;

/// <summary>
/// POST /api/ask refuses what it cannot store or place with a 400 that says why (NUL, text that is not UTF-8, ids
/// longer than their columns, days outside the supported range) and a body too large, chunked or not, with 413.
/// </summary>
public sealed class AskApiInputTests(AskHost host) : IClassFixture<AskHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<byte[], string> Refused => new()
    {
        { Utf8("{\"question\":\"what is our ARR?\\u0000\"}"), "$.question contains a NUL character" },
        { Utf8("{\"question\":\"arr\",\"session\":\"s\\u0000\"}"), "$.session contains a NUL character" },
        { Utf8("{\"question\":\"arr\",\"user\":\"\\uD800@example.com\"}"), "$.user" },
        { [.. Utf8("{\"question\":\"win rate "), 0xC3, 0x28, .. Utf8("\"}")], "$.question is not valid UTF-8 text" },
        { Utf8($"{{\"question\":\"arr\",\"session\":\"{new string('s', 60_000)}\"}}"), "\"session\" is longer than 296 characters" },
        { Utf8($"{{\"question\":\"arr\",\"user\":\"{new string('u', 321)}@x.com\"}}"), "\"user\" is longer than 320 characters" },
        { Utf8("{\"question\":\"arr\",\"asOf\":\"9999-12-31\"}"), "\"asOf\" must be a date from 1900-01-01 to 2199-12-31" },
        { Utf8("{\"question\":\"arr\",\"asOf\":\"0001-01-01\"}"), "\"asOf\" must be a date from 1900-01-01 to 2199-12-31" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Input_it_cannot_store_or_place_is_a_400_that_says_why(byte[] body, string detail)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await host.Http.PostAsync(new Uri("/api/ask", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2199-12-31")]
    public async Task Both_ends_of_the_supported_range_are_answered(string asOf)
    {
        foreach (var question in new[] { "ARR trend by quarter", "win rate next year", "bookings this quarter vs last year" })
        {
            using var response = await host.Http.PostAsJsonAsync("/api/ask", new { question, asOf }, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{question} as of {asOf}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }

    [Theory]
    [InlineData("win rate FY9999")]
    [InlineData("bookings on 12/31/9999")]
    [InlineData("bookings from 1/1/0001 to 12/31/9999")]
    [InlineData("pipeline Q4 FY9999")]
    [InlineData("ARR trend by year since fy 1")]
    [InlineData("ventas del 31/12/9999")]
    [InlineData("bookings 9999-12-31")]
    [InlineData("bookings in the last 9999 years")]
    [InlineData("win rate for the next 100000 quarters")]
    public async Task A_date_written_in_the_question_outside_the_range_gets_an_answer_not_a_500(string question)
    {
        using var response = await host.Http.PostAsJsonAsync("/api/ask", new { question }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    [Fact]
    public async Task A_session_at_its_limit_keeps_the_context()
    {
        var session = new string('s', 296);
        await host.AskAsync("win rate this quarter", session);
        var followUp = await host.AskAsync("and last quarter?", session);
        Assert.Equal("win_rate", followUp.GetProperty("metric").GetString());
    }

    [Fact]
    public async Task A_100_KB_session_is_refused_with_413()
    {
        using var response = await host.Http.PostAsJsonAsync("/api/ask", new { question = "win rate", session = new string('s', 100_000) }, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_64_KiB_is_413_whether_its_length_is_declared_or_chunked(bool chunked)
    {
        var body = Utf8("{\"question\":\"arr\"" + new string(' ', 70_000) + "}");
        using HttpContent content = chunked ? new ChunkedContent(body, "application/json") : new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await host.Http.PostAsync(new Uri("/api/ask", UriKind.Relative), content, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
