using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;

namespace RevBot.IntegrationTests.Ask;

/// <summary>
/// Through the real host and API: a question with a word RevBot cannot place is refused naming the word and the
/// company's own alternatives (read from its database), and a name matched in part is stated in the answer.
/// </summary>
public sealed class AskRefusalTests(AskHost host) : IClassFixture<AskHost>
{
    private async Task<List<string>> RegionsAsync()
    {
        await using var db = RevBotDbFactory.Create(DbTarget.Sqlite(host.DatabasePath));
        var ct = TestContext.Current.CancellationToken;
        var places = await db.Accounts.Select(a => a.Region).Concat(db.Users.Select(u => u.Region)).Distinct().ToListAsync(ct);
        return [.. places.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task An_unknown_word_is_refused_naming_it_and_the_filters_the_company_has()
    {
        var json = await host.AskAsync("bookings in Narnia", asOf: "2026-11-27");
        var text = json.GetProperty("text").GetString()!;

        Assert.False(json.GetProperty("understood").GetBoolean());
        Assert.Equal("unknown", json.GetProperty("intent").GetString());
        Assert.StartsWith("I don't know 'Narnia' here. I can filter by region (", text, StringComparison.Ordinal);
        Assert.Contains((await RegionsAsync())[0], text, StringComparison.Ordinal);
        Assert.False(json.TryGetProperty("value", out var value) && value.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task A_region_the_company_does_not_have_lists_the_regions_it_has()
    {
        var regions = await RegionsAsync();
        Assert.InRange(regions.Count, 2, 8);
        var json = await host.AskAsync("bookings for the Atlantis region", asOf: "2026-11-27");
        var expected = $"I don't have a region called Atlantis — regions here are {string.Join(", ", regions[..^1])} and {regions[^1]}.";
        Assert.Equal(expected, json.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("bookings by country", "I can't break down by 'country'. I can break down by rep, team, region,")]
    [InlineData("ventas por país", "No puedo desglosar por «país». Puedo desglosar por comercial, equipo, región,")]
    public async Task A_breakdown_nobody_can_do_is_refused_with_the_breakdowns_available(string question, string start)
    {
        var json = await host.AskAsync(question, asOf: "2026-11-27");
        Assert.False(json.GetProperty("understood").GetBoolean());
        Assert.StartsWith(start, json.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_matched_in_part_is_stated_in_the_answer()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var db = RevBotDbFactory.Create(DbTarget.Sqlite(host.DatabasePath)))
        {
            db.Accounts.Add(new Account { Id = "acc-zyxwerk", Name = "Zyxwerk Robotics" });
            await db.SaveChangesAsync(ct);
        }
        // The names are read again, as after an import; the task ends when the new ones are in use.
        await host.Services.GetRequiredService<VocabularyCache>().Invalidate();

        var json = await host.AskAsync("bookings for zyxwerk this year", asOf: "2026-11-27");

        Assert.True(json.GetProperty("understood").GetBoolean());
        Assert.Equal("acc-zyxwerk", json.GetProperty("filters").GetProperty("account").GetString());
        Assert.EndsWith("(I read 'zyxwerk' as the account Zyxwerk Robotics.)", json.GetProperty("text").GetString(), StringComparison.Ordinal);
    }
}
