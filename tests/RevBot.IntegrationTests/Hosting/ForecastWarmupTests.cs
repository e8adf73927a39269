using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core;
using RevBot.Core.Domain;
using RevBot.Core.Metrics;
using RevBot.Core.Metrics.Forecast;
using RevBot.Data;
using RevBot.Data.Storage;
using RevBot.Host.Hosting;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Hosting;

/// <summary>
/// A warm-up round leaves in the forecast cache what the first questions of the day ask: the company's this and next
/// quarter, and this quarter by rep and by industry (the breakdowns today's slices do not cover).
/// </summary>
public sealed class ForecastWarmupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_round_computes_the_company_s_two_quarters_and_this_quarter_by_rep_and_by_industry(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var ctx = db.NewContext())
        {
            var rep = new User { Email = "rep@example.com", Name = "Rep One", Team = "Sales" };
            ctx.Users.Add(rep);
            ctx.Accounts.Add(new Account { Id = "acc-1", Name = "Acme", Industry = "Retail" });
            await ctx.SaveChangesAsync(Ct);
            ctx.Deals.Add(new Deal
            {
                Id = "d-1", Name = "Acme expansion", Amount = 12_000m, Stage = "Discovery", Status = DealStatus.Open, AccountId = "acc-1", OwnerId = rep.Id,
                CreatedAt = new DateTime(2026, 5, 4, 0, 0, 0, DateTimeKind.Utc), CloseDate = new DateOnly(2026, 6, 26),
            });
            await ctx.SaveChangesAsync(Ct);
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Company:TimeZone"] = "UTC" }).Build();
        await using var services = new ServiceCollection().AddRevBotCore(configuration).AddRevBotData(db.Target).AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 5, 12, 9, 0, 0, TimeSpan.Zero)))
            .AddOptions().AddSingleton<ForecastWarmup>().BuildServiceProvider();

        await services.GetRequiredService<ForecastWarmup>().WarmAsync(Ct);

        await using var check = db.NewContext();
        Assert.Equal([Dimension.Owner, Dimension.Industry], ForecastWarmup.Breakdowns);
        Assert.Equal(4, ForecastCache.Kept(check.Database.GetConnectionString()!).Answers);
    }
}
