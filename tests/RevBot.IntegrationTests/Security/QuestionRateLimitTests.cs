using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RevBot.IntegrationTests.Hosting;

namespace RevBot.IntegrationTests.Security;

/// <summary>One person asking too fast is slowed down; everyone else is still answered.</summary>
public sealed class QuestionRateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Past_the_burst_one_user_gets_429_while_another_is_still_answered()
    {
        await using var app = await BareHost.StartAsync("--Api:Key=limit-test-key-0123456789", "--Api:UserEmail=api@example.com",
            "--Questions:Burst=2", "--Questions:PerMinute=1");
        using var http = BareHost.Client(app, "limit-test-key-0123456789");

        var first = await AskAsync(http, "what is our ARR?", "ana@example.com");
        var second = await AskAsync(http, "what is our ARR?", "ana@example.com");
        var third = await AskAsync(http, "¿cuánto es nuestro ARR?", "ana@example.com");
        var other = await AskAsync(http, "what is our ARR?", "bob@example.com");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK),
            (first.Status, second.Status, third.Status, other.Status));
        Assert.Contains("Estás preguntando más rápido", third.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotating_the_user_field_does_not_lift_the_limit_of_the_api_key()
    {
        await using var app = await BareHost.StartAsync("--Api:Key=limit-test-key-0123456789", "--Api:UserEmail=api@example.com",
            "--Questions:Burst=5", "--Questions:PerMinute=1", "--Questions:ApiBurst=3", "--Questions:ApiPerMinute=1");
        using var http = BareHost.Client(app, "limit-test-key-0123456789");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await AskAsync(http, "what is our ARR?", $"user{i}@example.com")).Status);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("0", "5")]
    [InlineData("5", "0")]
    [InlineData("5", "lots")]
    public async Task A_bad_limit_stops_the_host_with_one_sentence(string perMinute, string burst)
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => BareHost.StartAsync($"--Questions:PerMinute={perMinute}", $"--Questions:Burst={burst}"));
        Assert.Contains("Questions", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> AskAsync(HttpClient http, string question, string user)
    {
        using var response = await http.PostAsJsonAsync("/api/ask", new { question, user }, Ct);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }
}
