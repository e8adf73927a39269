using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Data.Storage;

namespace RevBot.Tests.Demo;

/// <summary>At scale 0.1: ~150 accounts, ~1,200 deals, ~40 people; records grow with the scale, people do not.</summary>
public sealed class DemoVolumeTests(DemoCompanyFixture company)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Tables_have_volumes_in_proportion_to_the_scale(DbProvider provider)
    {
        await using var db = (await company.GetAsync(provider)).NewContext();
        var deals = await db.Deals.CountAsync(Ct);

        Assert.Equal(150, await db.Accounts.CountAsync(Ct));
        Assert.InRange(deals, 900, 1_500);
        Assert.InRange(await db.Contacts.CountAsync(Ct), 400, 1_000);
        Assert.InRange(await db.DealStageHistory.CountAsync(Ct), 3 * deals, 6 * deals);
        Assert.InRange(await db.Activities.CountAsync(Ct), 3 * deals, 10 * deals);
        Assert.InRange(await db.Subscriptions.CountAsync(Ct), 150, 600);
        Assert.InRange(await db.Usage.CountAsync(Ct), 50 * 120, 150 * 120);
        Assert.InRange(await db.Tickets.CountAsync(Ct), 150, 800);
        Assert.InRange(await db.Spend.CountAsync(Ct), 6 * 23, 6 * 24);
        Assert.True(await db.Quotas.AnyAsync(Ct));
        Assert.True(await db.ForecastSnapshots.AnyAsync(Ct));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task People_form_four_departments_with_managers_and_time_zones(DbProvider provider)
    {
        await using var db = (await company.GetAsync(provider)).NewContext();
        var users = await db.Users.AsNoTracking().ToListAsync(Ct);

        Assert.InRange(users.Count, 38, 42);
        Assert.Equal(Enum.GetValues<UserRole>().Order(), users.Select(u => u.Role).Distinct().Order());
        Assert.Equal(["Customer Success", "Executive", "Finance", "Marketing", "Revenue Operations"],
            users.Select(u => u.Team!).Where(t => !t.StartsWith("Sales", StringComparison.Ordinal)).Distinct().Order());
        Assert.Single(users, u => u.ManagerId is null);
        Assert.All(users.Where(u => u.Role == UserRole.Rep), rep =>
            Assert.Equal(UserRole.Manager, users.Single(m => m.Id == rep.ManagerId).Role));
        Assert.All(users, u => Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById(u.TimeZone!, out _), u.TimeZone));
        Assert.Equal(4, users.Where(u => u.Role == UserRole.Rep).Select(u => u.Region).Distinct().Count());
        Assert.Equal(users.Count, users.Select(u => u.Email).Distinct().Count());
    }
}
