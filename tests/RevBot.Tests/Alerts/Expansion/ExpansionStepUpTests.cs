using RevBot.Core.Alerts;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using static RevBot.Tests.Alerts.AlertDataset;

namespace RevBot.Tests.Alerts.Expansion;

/// <summary>
/// Which subscription counts as a step up (the last expansion when no expansion deal was won): one that started while
/// an earlier, cheaper one of the same account was still running on its start day. The scan reads subscriptions once
/// with window functions and probes only the cases they leave open, so each way in and out is here: an earlier
/// open-ended one, one ending on the new one's start day, one that ended before, one started the same day, a cheaper
/// earlier one that had ended while a dearer one still ran, and the latest of several. Also the seats and plan of
/// today's subscriptions only. Every account is 62 users on 50 seats (seats over) with no tickets (healthy), so each
/// is alerted and says how long since its last expansion (gap from 1 day).
/// </summary>
[Collection(ExpansionStepUpCollection.Name)]
public sealed class ExpansionStepUpTests(ExpansionStepUpDatabase data)
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Alerts:Expansion:MinScore"] = "1", ["Alerts:Expansion:GapDays"] = "1" };

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_step_up_is_a_dearer_subscription_starting_while_a_cheaper_one_runs(DbProvider provider)
    {
        var found = (await data.ScanAsync(provider, Settings)).Where(f => f.Kind == AlertKind.Expansion).ToDictionary(f => f.SubjectId);
        string Gap(string account) => found[account].Reasons.Single(r => r.Code == ExpansionReasons.ExpansionGap).Text;

        Assert.Equal("last expansion 165 days ago", Gap("up-open"));
        Assert.Equal("last expansion 134 days ago", Gap("up-on-end-day"));
        Assert.Equal("last expansion 106 days ago", Gap("up-twice"));
        Assert.Equal("no expansion since becoming a customer 530 days ago", Gap("ended-before"));
        Assert.Equal("no expansion since becoming a customer 471 days ago", Gap("same-day"));
        Assert.Equal("no expansion since becoming a customer 530 days ago", Gap("cheaper-gone"));
        // The ended subscription's 100 seats are not today's.
        Assert.Equal("62 active users on 50 seats paid for", found["ended-before"].Reasons.Single(r => r.Code == ExpansionReasons.SeatsOver).Text);
        Assert.Equal(6, found.Count);
    }

    /// <summary>A digest has no section for accounts ready to expand: the digests' shared scan keeps no line of theirs.</summary>
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_digests_scan_keeps_no_expansion_lines(DbProvider provider)
    {
        Assert.Contains(await data.ScanAsync(provider, Settings), f => f.Kind == AlertKind.Expansion);

        var lines = await data.DigestLinesAsync(provider, Settings);

        Assert.DoesNotContain(lines, l => l.Kind == AlertKind.Expansion);
    }
}

/// <summary>The accounts of <see cref="ExpansionStepUpTests"/> as of 2026-06-15 (days worked out in the comments).</summary>
internal static class ExpansionStepUpDataset
{
    public static async Task SeedAsync(RevBotDb db)
    {
        var alice = new User { Email = Alice, Name = "Alice Adams" };
        db.Users.Add(alice);
        await db.SaveChangesAsync();
        var n = 0;
        void Sub(string account, string plan, decimal mrr, DateOnly start, DateOnly? end = null, int? seats = null) => db.Subscriptions.Add(new Subscription
        {
            Id = $"sub-{++n}", AccountId = account, Product = plan, Mrr = mrr, StartDate = start, EndDate = end, Seats = seats,
        });
        void Customer(string id, params Action<string>[] subscriptions)
        {
            db.Accounts.Add(new Account { Id = id, Name = id, Owner = alice });
            foreach (var add in subscriptions) add(id);
            db.Usage.Add(new ProductUsage { AccountId = id, Date = new DateOnly(2026, 5, 1), ActiveUsers = 60, Events = 500 });
            db.Usage.Add(new ProductUsage { AccountId = id, Date = new DateOnly(2026, 6, 1), ActiveUsers = 62, Events = 500 });
        }
        var start = new DateOnly(2025, 1, 1);

        // An add-on dearer than a base that runs on: a step up on 1 Jan 2026 (165 days).
        Customer("up-open", a => Sub(a, "Basic", 500m, start, seats: 50), a => Sub(a, "Pro", 1_000m, new DateOnly(2026, 1, 1)));
        // Basic ends the day Pro starts: still running that day, a step up on 1 Feb 2026 (134 days).
        Customer("up-on-end-day", a => Sub(a, "Basic", 500m, start, new DateOnly(2026, 2, 1)), a => Sub(a, "Pro", 1_000m, new DateOnly(2026, 2, 1), seats: 50));
        // Two step ups: the later counts, 1 Mar 2026 (106 days).
        Customer("up-twice", a => Sub(a, "Basic", 500m, start, seats: 50), a => Sub(a, "Plus", 700m, new DateOnly(2025, 5, 1)), a => Sub(a, "Pro", 900m, new DateOnly(2026, 3, 1)));
        // Basic ended a month before Pro started: no step up, a customer since 1 Jan 2025 (530 days). Basic's 100 seats are gone.
        Customer("ended-before", a => Sub(a, "Basic", 500m, start, new DateOnly(2025, 12, 1), seats: 100), a => Sub(a, "Pro", 1_000m, new DateOnly(2026, 1, 1), seats: 50));
        // Bought together on 1 Mar 2025: neither started before the other (471 days).
        Customer("same-day", a => Sub(a, "Basic", 500m, new DateOnly(2025, 3, 1), seats: 50), a => Sub(a, "Pro", 1_000m, new DateOnly(2025, 3, 1)));
        // Plus (600) starts after a cheaper Lite (300) had ended, while only a dearer Pro (800) runs: no step up (530 days).
        Customer("cheaper-gone", a => Sub(a, "Pro", 800m, start, seats: 50), a => Sub(a, "Lite", 300m, new DateOnly(2025, 6, 1), new DateOnly(2025, 9, 1)),
            a => Sub(a, "Plus", 600m, new DateOnly(2025, 10, 1)));
        await db.SaveChangesAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ExpansionStepUpCollection : ICollectionFixture<ExpansionStepUpDatabase>
{
    public const string Name = "expansion-step-up";
}

/// <summary>The <see cref="ExpansionStepUpDataset"/>, seeded once per provider.</summary>
public sealed class ExpansionStepUpDatabase() : AlertsDatabase(ExpansionStepUpDataset.SeedAsync);
