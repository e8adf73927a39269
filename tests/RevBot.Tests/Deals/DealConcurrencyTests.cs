using Microsoft.EntityFrameworkCore;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Handoffs;
using RevBot.Core.Outbox;
using RevBot.Data.Storage;
using RevBot.Testing.Deals;

namespace RevBot.Tests.Deals;

/// <summary>Versions and idempotency keys: no update is lost silently, and no delivery is applied twice.</summary>
public sealed class DealConcurrencyTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_submission_on_an_older_version_is_refused_and_told_what_changed(DbProvider provider)
    {
        await using var s = await DealServices.CreateAsync(provider);
        var seenByRob = await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, changes: new DealFieldChanges { Amount = "55000" });
        var seenByMax = await s.CommandAsync(DealWorld.Max, DealWorld.AcmeRenewal, changes: new DealFieldChanges { Stage = "Negotiation", Amount = "70000" });

        Assert.Equal(DealCommandStatus.Applied, (await s.ExecuteAsync(seenByMax)).Status);
        var stale = await s.ExecuteAsync(seenByRob);

        Assert.Equal(DealCommandStatus.Stale, stale.Status);
        Assert.Equal(2, stale.Version);
        Assert.StartsWith("This deal changed since you opened it", stale.Message, StringComparison.Ordinal);
        var change = Assert.Single(stale.ChangedSince);
        Assert.Equal(("Max Manager", 2), (change.UserName, change.Version));
        Assert.Equal([DealFields.Stage, DealFields.Amount], change.Fields.Select(f => f.Field));
        Assert.Equal(70_000m, (await s.DealAsync(DealWorld.AcmeRenewal)).Amount);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_replayed_submission_is_applied_once_and_answered_the_same(DbProvider provider)
    {
        await using var s = await DealServices.CreateAsync(provider);
        var command = await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, changes: new DealFieldChanges { Amount = "51000" });

        var first = await s.ExecuteAsync(command);
        var replay = await s.ExecuteAsync(command);

        Assert.Equal((DealCommandStatus.Applied, false), (first.Status, first.Replayed));
        Assert.Equal((DealCommandStatus.Applied, true, first.Message, first.Version), (replay.Status, replay.Replayed, replay.Message, replay.Version));
        Assert.Equal(2, (await s.DealAsync(DealWorld.AcmeRenewal)).Version);
        Assert.Equal(1, await s.QueryAsync(db => db.AuditLog.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(1, await s.QueryAsync(db => db.AppliedCommands.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Two_people_submitting_at_the_same_moment_exactly_one_applies_on_postgresql()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Postgres);
        for (var round = 0; round < 5; round++)
        {
            var rob = await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, changes: new DealFieldChanges { Amount = $"{60_000 + round}" });
            var max = await s.CommandAsync(DealWorld.Max, DealWorld.AcmeRenewal, changes: new DealFieldChanges { Amount = $"{80_000 + round}" });
            var results = await Task.WhenAll(s.ExecuteAsync(rob), s.ExecuteAsync(max));

            Assert.Single(results, r => r.Status == DealCommandStatus.Applied);
            Assert.Single(results, r => r.Status == DealCommandStatus.Stale);
            var winner = results[0].Status == DealCommandStatus.Applied ? rob : max;
            var deal = await s.DealAsync(DealWorld.AcmeRenewal);
            Assert.Equal((round + 2, decimal.Parse(winner.Changes.Amount!, System.Globalization.CultureInfo.InvariantCulture)), (deal.Version, deal.Amount));
        }
        Assert.Equal(5, await s.QueryAsync(db => db.AuditLog.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task The_same_submission_delivered_twice_at_once_applies_once_on_postgresql()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Postgres);
        var command = await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, DealCommandKind.MarkWon);

        var results = await Task.WhenAll(s.ExecuteAsync(command), s.ExecuteAsync(command), s.ExecuteAsync(command));

        Assert.All(results, r => Assert.Equal(DealCommandStatus.Applied, r.Status));
        Assert.Single(results, r => !r.Replayed);
        Assert.Equal(2, (await s.DealAsync(DealWorld.AcmeRenewal)).Version);
        Assert.Equal(1, await s.QueryAsync(db => db.Outbox.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(1, await s.QueryAsync(db => db.AuditLog.CountAsync(TestContext.Current.CancellationToken)));
    }

    /// <summary>
    /// Many "Mark won" presses on cards showing the same version (each its own card, so its own key): the first to claim
    /// the version wins, every other is answered stale, and the hand-off, its outbox row and the audit entry exist once.
    /// Before the version was claimed first, losers hit the hand-offs' unique index and failed with 23505.
    /// </summary>
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Racing_mark_won_commands_on_the_same_version_have_one_winner_and_every_loser_is_stale(DbProvider provider)
    {
        await using var s = await DealServices.CreateAsync(provider);
        var commands = new List<DealCommand>();
        for (var i = 0; i < 16; i++) commands.Add(await s.CommandAsync(i % 2 == 0 ? DealWorld.Rob : DealWorld.Max, DealWorld.AcmeRenewal, DealCommandKind.MarkWon));

        var results = await Task.WhenAll(commands.Select(c => Task.Run(() => s.ExecuteAsync(c), TestContext.Current.CancellationToken)));

        Assert.Single(results, r => r.Status == DealCommandStatus.Applied);
        Assert.Equal(15, results.Count(r => r.Status == DealCommandStatus.Stale && r.Message.StartsWith("This deal changed since you opened it", StringComparison.Ordinal)));
        Assert.All(results.Where(r => r.Status == DealCommandStatus.Stale), r => Assert.Equal(2, r.Version));
        var deal = await s.DealAsync(DealWorld.AcmeRenewal);
        Assert.Equal((DealStatus.Won, 2), (deal.Status, deal.Version));
        Assert.Equal(1, await s.QueryAsync(db => db.Handoffs.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(1, await s.QueryAsync(db => db.Outbox.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(1, await s.QueryAsync(db => db.AuditLog.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(1, await s.QueryAsync(db => db.AppliedCommands.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_lost_race_is_answered_in_spanish_for_a_spanish_speaker()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var first = await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, DealCommandKind.MarkWon);
        var second = await s.CommandAsync(DealWorld.Max, DealWorld.AcmeRenewal, changes: new DealFieldChanges { Amount = "1.250,50" }) with { Language = "es" };

        await s.ExecuteAsync(first);
        var stale = await s.ExecuteAsync(second);

        Assert.Equal(DealCommandStatus.Stale, stale.Status);
        Assert.StartsWith("Este negocio cambió desde que lo abriste", stale.Message, StringComparison.Ordinal);
    }
}
