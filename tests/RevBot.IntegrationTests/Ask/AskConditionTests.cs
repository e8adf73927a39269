using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Data.Storage;

namespace RevBot.IntegrationTests.Ask;

/// <summary>
/// Amount ranges, exclusions and value sets through the whole API: read from the question, applied in the database,
/// stated in the text and the JSON, kept by a follow-up, and refused (naming the condition) where they mean nothing.
/// </summary>
public sealed class AskConditionTests(AskHost host) : IClassFixture<AskHost>
{
    [Fact]
    public async Task Open_deals_over_an_amount_are_the_deals_the_database_holds_over_it()
    {
        await using var db = RevBotDbFactory.Create(DbTarget.Sqlite(host.DatabasePath));
        var open = await db.Deals.AsNoTracking().Where(d => d.Status == DealStatus.Open).Select(d => new { d.Id, d.Amount }).ToListAsync(TestContext.Current.CancellationToken);
        var expected = open.Where(d => d.Amount > 20_000m).OrderByDescending(d => d.Amount).ThenBy(d => d.Id, StringComparer.Ordinal).Take(10).Select(d => d.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Contains(open, d => d.Amount <= 20_000m);

        var json = await host.AskAsync("open deals over 20k");
        Assert.Equal(expected, json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(20_000m, json.GetProperty("amount").GetProperty("min").GetDecimal());
        Assert.Contains("open deals over $20K", json.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bookings_excluding_a_region_are_the_total_less_that_region()
    {
        var total = await host.AskAsync("bookings this quarter", asOf: "2026-11-27");
        var emea = await host.AskAsync("bookings in EMEA this quarter", asOf: "2026-11-27");
        var rest = await host.AskAsync("bookings this quarter excluding EMEA", asOf: "2026-11-27");

        Assert.True(emea.GetProperty("value").GetDecimal() > 0);
        Assert.Equal(total.GetProperty("value").GetDecimal() - emea.GetProperty("value").GetDecimal(), rest.GetProperty("value").GetDecimal());
        var set = rest.GetProperty("filterSets").GetProperty("region");
        Assert.True(set.GetProperty("exclude").GetBoolean());
        Assert.StartsWith("Bookings for all regions except EMEA, Q4 2026 to date", rest.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_with_an_exclusion_leaves_that_group_out_of_the_breakdown()
    {
        var session = Guid.NewGuid().ToString("N");
        var all = await host.AskAsync("bookings by region this quarter", session, asOf: "2026-11-27");
        Assert.Contains(all.GetProperty("breakdown").EnumerateArray(), r => r.GetProperty("key").GetString() == "EMEA");

        var followUp = await host.AskAsync("and excluding EMEA?", session, asOf: "2026-11-27");
        var rows = followUp.GetProperty("breakdown").EnumerateArray().ToList();
        Assert.Equal("region", followUp.GetProperty("groupBy").GetString());
        Assert.DoesNotContain(rows, r => r.GetProperty("key").GetString() == "EMEA");
        Assert.Equal(all.GetProperty("breakdown").GetArrayLength() - 1, rows.Count);
    }

    [Theory]
    [InlineData("ARR over 50k", "I can't limit ARR to deals over $50K")]
    [InlineData("ARR de negocios de más de 50.000", "No puedo limitar ARR a negocios de más de 50.000\u00A0$")]
    public async Task An_amount_on_a_metric_not_computed_deal_by_deal_is_refused_by_name(string question, string refusal)
    {
        var json = await host.AskAsync(question, asOf: "2026-11-27");
        Assert.False(json.GetProperty("understood").GetBoolean());
        Assert.Contains(refusal, json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(json.TryGetProperty("value", out var value) && value.ValueKind != JsonValueKind.Null);
    }
}
