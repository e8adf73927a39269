using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Data.Storage;
using RevBot.Testing.Deals;

namespace RevBot.Tests.Deals;

/// <summary>Every change leaves its audit entry (and stage history for stage changes), written with the change itself.</summary>
public sealed class DealAuditTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_change_writes_its_audit_entry_and_stage_history(DbProvider provider)
    {
        await using var s = await DealServices.CreateAsync(provider);
        var command = await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, changes: new DealFieldChanges { Stage = "Negotiation", Amount = "52000.5", NextStep = "Legal review" });
        await s.ExecuteAsync(command with { Channel = ChangeChannel.Teams });

        var entry = await s.QueryAsync(db => db.AuditLog.SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(("deal", DealWorld.AcmeRenewal, "update", ChangeChannel.Teams, command.UserId, 2, DealWorld.Now.UtcDateTime),
            (entry.Entity, entry.EntityId, entry.Action, entry.Channel, entry.UserId, entry.Version, entry.At));
        var changes = JsonNode.Parse(entry.Changes!)!.AsObject();
        Assert.Equal(["stage", "amount", "nextStep"], changes.Select(p => p.Key));
        Assert.Equal("[\"Proposal\",\"Negotiation\"]", changes["stage"]!.ToJsonString());
        Assert.Equal(50_000m, (decimal)changes["amount"]![0]!);
        Assert.Equal(52_000.5m, (decimal)changes["amount"]![1]!);
        Assert.Equal("[null,\"Legal review\"]", changes["nextStep"]!.ToJsonString());
        var history = await s.QueryAsync(db => db.DealStageHistory.Where(h => h.DealId == DealWorld.AcmeRenewal).OrderBy(h => h.EnteredAt).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(("Negotiation", DealWorld.Now.UtcDateTime), (history[^1].Stage, history[^1].EnteredAt));
    }

    [Fact]
    public async Task A_change_that_keeps_the_stage_writes_no_stage_history_and_won_writes_the_closed_stage()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, changes: new DealFieldChanges { Amount = "1" }));
        Assert.Equal(2, await s.QueryAsync(db => db.DealStageHistory.CountAsync(h => h.DealId == DealWorld.AcmeRenewal, TestContext.Current.CancellationToken)));

        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, DealCommandKind.MarkWon));
        var won = await s.QueryAsync(db => db.AuditLog.OrderBy(a => a.Id).LastAsync(TestContext.Current.CancellationToken));
        Assert.Equal("won", won.Action);
        Assert.Contains("\"status\":[\"open\",\"won\"]", won.Changes, StringComparison.Ordinal);
        Assert.Contains("\"closedAt\":[null,\"2026-11-27T15:00:00Z\"]", won.Changes, StringComparison.Ordinal);
        Assert.Equal("Closed Won", (await s.QueryAsync(db => db.DealStageHistory.OrderBy(h => h.Id).LastAsync(TestContext.Current.CancellationToken))).Stage);
    }

    [Fact]
    public async Task The_history_reads_back_who_what_when_and_from_where()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Rob, DealWorld.AcmeRenewal, changes: new DealFieldChanges { Amount = "51000" }));
        s.Time.Advance(TimeSpan.FromMinutes(5));
        await s.ExecuteAsync(await s.CommandAsync(DealWorld.Max, DealWorld.AcmeRenewal, DealCommandKind.LogActivity) with { ActivityType = "email", Subject = "Sent the quote" });

        var history = await s.QueryAsync(db => DealHistory.LatestAsync(db, DealWorld.AcmeRenewal, 10, TestContext.Current.CancellationToken));

        Assert.Equal(["activity", "update"], history.Select(h => h.Action));
        Assert.Equal(("Max Manager", ChangeChannel.Slack), (history[0].UserName, history[0].Channel));
        Assert.Equal("Rob Rep", history[1].UserName);
    }
}
