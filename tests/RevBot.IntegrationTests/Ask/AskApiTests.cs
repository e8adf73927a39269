using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Domain;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Ask;

public sealed class AskApiTests(AskHost host) : IClassFixture<AskHost>
{
    [Fact]
    public async Task A_question_gets_the_json_contract_with_the_counts_behind_the_ratio()
    {
        var json = await host.AskAsync("what's our win rate this quarter?", asOf: "2026-11-27");

        Assert.True(json.GetProperty("understood").GetBoolean());
        Assert.Equal("metric", json.GetProperty("intent").GetString());
        Assert.Equal("win_rate", json.GetProperty("metric").GetString());
        Assert.Equal("2026-10-01", json.GetProperty("period").GetProperty("start").GetString());
        // The quarter is in progress: measured so far, against the same 58 days of Q3 (issue 17).
        Assert.Equal("2026-11-27", json.GetProperty("period").GetProperty("end").GetString());
        Assert.Equal("ratio", json.GetProperty("unit").GetString());
        var won = json.GetProperty("numerator").GetDecimal();
        var closed = json.GetProperty("denominator").GetDecimal();
        Assert.True(closed > 0);
        Assert.Equal(won / closed, json.GetProperty("value").GetDecimal(), 6);
        Assert.Equal("2026-07-01", json.GetProperty("comparison").GetProperty("period").GetProperty("start").GetString());
        Assert.Equal("2026-08-27", json.GetProperty("comparison").GetProperty("period").GetProperty("end").GetString());
        Assert.Contains(((won / closed) * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%", json.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_in_the_same_session_keeps_the_metric_and_changes_the_period()
    {
        var session = Guid.NewGuid().ToString("N");
        await host.AskAsync("bookings by region this quarter", session, asOf: "2026-11-27");
        var followUp = await host.AskAsync("and last quarter?", session, asOf: "2026-11-27");

        Assert.Equal("bookings", followUp.GetProperty("metric").GetString());
        Assert.Equal("region", followUp.GetProperty("groupBy").GetString());
        Assert.Equal("2026-07-01", followUp.GetProperty("period").GetProperty("start").GetString());
        Assert.Equal("2026-09-30", followUp.GetProperty("period").GetProperty("end").GetString());
    }

    [Fact]
    public async Task My_and_my_team_mean_the_asking_user_and_their_team()
    {
        await using var db = RevBotDbFactory.Create(DbTarget.Sqlite(host.DatabasePath));
        var rep = await db.Users.Where(u => u.Team != null && u.Role == UserRole.Rep).OrderBy(u => u.Id).FirstAsync(TestContext.Current.CancellationToken);

        var mine = await host.AskAsync("my pipeline", user: rep.Email);
        var team = await host.AskAsync("my team's bookings this quarter", user: rep.Email);
        var nobody = await host.AskAsync("my pipeline");

        Assert.Equal(rep.Email, mine.GetProperty("filters").GetProperty("owner").GetString());
        Assert.Equal(rep.Team, team.GetProperty("filters").GetProperty("team").GetString());
        Assert.False(nobody.GetProperty("understood").GetBoolean());
    }

    [Fact]
    public async Task My_team_for_a_manager_of_managers_is_every_team_in_their_reporting_line()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = RevBotDbFactory.Create(DbTarget.Sqlite(host.DatabasePath));
        // A VP: manages managers whose reps sit in teams other than the VP's own (which holds no deals).
        var vp = await db.Users.Where(u => u.Role == UserRole.Manager && db.Users.Any(m => m.ManagerId == u.Id && m.Role == UserRole.Manager)).OrderBy(u => u.Id).FirstAsync(ct);
        var below = await db.Users.Where(m => m.ManagerId == vp.Id && m.Team != null).Select(m => m.Team!).Distinct().ToListAsync(ct);

        var answer = await host.AskAsync("my team's bookings this quarter", user: vp.Email, asOf: "2026-11-27");
        var teams = answer.GetProperty("filterSets").GetProperty("team").GetProperty("values").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Contains(vp.Team, teams);
        Assert.All(below, t => Assert.Contains(t, teams));
        Assert.False(answer.TryGetProperty("filters", out var filters) && filters.TryGetProperty("team", out _));

        // The same number as the line's teams' groups in the breakdown by team.
        var byTeam = await host.AskAsync("bookings by team this quarter", asOf: "2026-11-27");
        var sum = byTeam.GetProperty("breakdown").EnumerateArray().Where(g => teams.Contains(g.GetProperty("key").GetString())).Sum(g => g.GetProperty("value").GetDecimal());
        Assert.True(answer.GetProperty("value").GetDecimal() > 0);
        Assert.Equal(sum, answer.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task A_trend_gives_one_value_per_period_oldest_first()
    {
        var json = await host.AskAsync("win rate trend over the last 4 quarters", asOf: "2026-11-27");
        var points = json.GetProperty("breakdown").EnumerateArray().Select(p => p.GetProperty("key").GetString()).ToList();
        Assert.Equal("period", json.GetProperty("groupBy").GetString());
        Assert.Equal(["2025-10-01", "2026-01-01", "2026-04-01", "2026-07-01"], points);
    }

    [Fact]
    public async Task A_follow_up_without_a_session_is_not_guessed()
    {
        var json = await host.AskAsync("and last quarter?");
        Assert.False(json.GetProperty("understood").GetBoolean());
    }

    [Fact]
    public async Task A_spanish_question_is_answered_in_spanish()
    {
        var json = await host.AskAsync("¿cuál es nuestra tasa de cierre este trimestre?", asOf: "2026-11-27");
        Assert.Equal("es", json.GetProperty("language").GetString());
        Assert.StartsWith("Tasa de cierre en T4 2026", json.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_in_a_question_is_not_understood_and_changes_nothing()
    {
        await using var db = RevBotDbFactory.Create(DbTarget.Sqlite(host.DatabasePath));
        var before = await db.Deals.CountAsync(TestContext.Current.CancellationToken);

        var json = await host.AskAsync("'; DROP TABLE deals; --");
        var json2 = await host.AskAsync("win rate for account x' OR 1=1; DELETE FROM deals; --");

        Assert.False(json.GetProperty("understood").GetBoolean());
        Assert.Equal(before, await db.Deals.CountAsync(TestContext.Current.CancellationToken));
        Assert.NotEqual(JsonValueKind.Undefined, json2.ValueKind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Without_the_right_key_the_api_answers_401(string? key)
    {
        using var http = new HttpClient { BaseAddress = host.Http.BaseAddress };
        if (key is not null) http.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var response = await http.PostAsJsonAsync("/api/ask", new { question = "arr" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"question\": \"   \"}")]
    [InlineData("{\"question\": \"arr\", \"asOf\": \"27/11/2026\"}")]
    [InlineData("{\"question\": 42}")]
    [InlineData("not json")]
    public async Task Bad_input_gets_a_400(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await host.Http.PostAsync(new Uri("/api/ask", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task With_no_key_configured_the_api_is_not_there()
    {
        var path = TestFiles.NewPath("nokey.db");
        await using var app = await RevBotServer.StartAsync([$"--Database:Target=sqlite:{path}", "--urls=http://127.0.0.1:0", "--Database:SeedDemoData=false"], TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Add("X-Api-Key", "anything");
        using var response = await http.PostAsJsonAsync("/api/ask", new { question = "arr" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
