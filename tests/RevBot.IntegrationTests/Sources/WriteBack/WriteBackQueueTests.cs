using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Deals;
using RevBot.Core.Deals.WriteBack;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Sources.WriteBack;

/// <summary>
/// A change to a synced deal queues its CRM write in the command's own transaction, and nothing else does. Write-back
/// is on but no CRM writer is registered here, so the inline first attempt finds none: the write stays queued for a
/// retry (the person hears "it will be written when HubSpot answers").
/// </summary>
public sealed class WriteBackQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_change_to_a_synced_deal_queues_its_write_with_the_values_before_and_the_crms_time(DbProvider provider)
    {
        await using var database = await WriteBackWorld.SeedAsync(provider);
        await using var world = WriteBackWorld.Create(database, new FakeTimeProvider(DealWorld.Now));
        var rob = await world.UserIdAsync(DealWorld.Rob);

        var result = await world.RunAsync(WriteBackWorld.Update(WriteBackWorld.Hubspot, rob, 1,
            new DealFieldChanges { Amount = "60000", Stage = "Negotiation" }, language: "es"));

        Assert.Equal(DealCommandStatus.Applied, result.Status);
        Assert.Equal(CrmWriteOutcome.Pending, result.Crm);
        Assert.Contains("HubSpot", result.Note, StringComparison.Ordinal);
        var write = Assert.Single(await world.WritesAsync());
        Assert.Equal(SourceSystem.Hubspot, write.System);
        Assert.Equal(WriteBackWorld.Hubspot, write.DealId);
        Assert.Equal(2, write.DealVersion);
        Assert.Equal(WriteBackWorld.Modified, write.ExpectedModifiedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(rob, write.RequestedByUserId);
        Assert.Equal("es", write.Language);
        Assert.Equal(DealWorld.Now.UtcDateTime, write.CreatedAt);
        // Tried once inline, found no writer: due again after the backoff, not failed.
        Assert.Equal(1, write.Attempts);
        Assert.Contains("No writer for 'hubspot'", write.LastError, StringComparison.Ordinal);
        Assert.InRange(write.AvailableAt, DealWorld.Now.UtcDateTime.AddSeconds(2.5), DealWorld.Now.UtcDateTime.AddSeconds(5));
        Assert.Null(write.DoneAt);
        Assert.Null(write.FailedAt);
        var changes = CrmWriteChanges.Read(write.Changes);
        Assert.Equal(new Dictionary<string, string?> { ["amount"] = "60000", ["stage"] = "Negotiation" }, changes.Fields.ToDictionary());
        Assert.Equal("50000", changes.Before["amount"]);
        Assert.Equal("Proposal", changes.Before["stage"]);
        Assert.Equal(ChangeChannel.Slack, changes.Channel);
        var deal = await world.DealAsync(WriteBackWorld.Hubspot);
        Assert.Equal((60_000m, "Negotiation", 2), (deal.Amount, deal.Stage, deal.Version));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Two_simultaneous_changes_of_one_version_queue_exactly_one_write(DbProvider provider)
    {
        await using var database = await WriteBackWorld.SeedAsync(provider);
        await using var world = WriteBackWorld.Create(database, new FakeTimeProvider(DealWorld.Now));
        var rob = await world.UserIdAsync(DealWorld.Rob);

        var results = await Task.WhenAll(
            world.RunAsync(WriteBackWorld.Update(WriteBackWorld.Hubspot, rob, 1, new DealFieldChanges { Amount = "61000" })),
            world.RunAsync(WriteBackWorld.Update(WriteBackWorld.Hubspot, rob, 1, new DealFieldChanges { Amount = "62000" })));

        var applied = Assert.Single(results, r => r.Status == DealCommandStatus.Applied);
        Assert.Single(results, r => r.Status == DealCommandStatus.Stale);
        var write = Assert.Single(await world.WritesAsync());
        var deal = await world.DealAsync(WriteBackWorld.Hubspot);
        // The write is the winner's: the loser's transaction, write included, was rolled back.
        Assert.Equal(CrmWriteChanges.Read(write.Changes).Fields["amount"], ((int)deal.Amount).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(applied.Version, write.DealVersion);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Deals_from_a_file_or_from_stripe_and_refused_changes_queue_nothing(DbProvider provider)
    {
        await using var database = await WriteBackWorld.SeedAsync(provider);
        await using var world = WriteBackWorld.Create(database, new FakeTimeProvider(DealWorld.Now));
        var rob = await world.UserIdAsync(DealWorld.Rob);
        var rae = await world.UserIdAsync(DealWorld.Rae);

        var csv = await world.RunAsync(WriteBackWorld.Update(DealWorld.AcmeRenewal, rob, 1, new DealFieldChanges { Amount = "70000" }));
        var stripe = await world.RunAsync(WriteBackWorld.Update(WriteBackWorld.Stripe, rob, 1, new DealFieldChanges { Amount = "70000" }));
        var stale = await world.RunAsync(WriteBackWorld.Update(WriteBackWorld.Hubspot, rob, 7, new DealFieldChanges { Amount = "70000" }));
        var invalid = await world.RunAsync(WriteBackWorld.Update(WriteBackWorld.Hubspot, rob, 1, new DealFieldChanges { Stage = "No such stage" }));
        var forbidden = await world.RunAsync(WriteBackWorld.Update(WriteBackWorld.Hubspot, rae, 1, new DealFieldChanges { Amount = "70000" }));
        var unchanged = await world.RunAsync(WriteBackWorld.Update(WriteBackWorld.Hubspot, rob, 1, new DealFieldChanges { Amount = "50000" }));

        Assert.Equal([DealCommandStatus.Applied, DealCommandStatus.Applied, DealCommandStatus.Stale, DealCommandStatus.Invalid, DealCommandStatus.Forbidden, DealCommandStatus.Unchanged],
            [csv.Status, stripe.Status, stale.Status, invalid.Status, forbidden.Status, unchanged.Status]);
        Assert.Null(csv.Crm);
        Assert.Null(stripe.Crm);
        Assert.Empty(await world.WritesAsync());
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task An_activity_logged_on_a_synced_deal_queues_it_for_the_crm_without_a_concurrency_check(DbProvider provider)
    {
        await using var database = await WriteBackWorld.SeedAsync(provider);
        await using var world = WriteBackWorld.Create(database, new FakeTimeProvider(DealWorld.Now));
        var rae = await world.UserIdAsync(DealWorld.Rae);

        var result = await world.RunAsync(WriteBackWorld.Update(WriteBackWorld.Salesforce, rae, 1, DealFieldChanges.None, channel: ChangeChannel.Teams) with
        {
            Kind = DealCommandKind.LogActivity,
            ActivityType = "call",
            Subject = "Pricing call with the CFO",
        });

        Assert.Equal(DealCommandStatus.Applied, result.Status);
        Assert.Contains("Salesforce", result.Note, StringComparison.Ordinal);
        var write = Assert.Single(await world.WritesAsync());
        Assert.Equal(SourceSystem.Salesforce, write.System);
        Assert.Null(write.ExpectedModifiedAt);
        var changes = CrmWriteChanges.Read(write.Changes);
        Assert.Empty(changes.Fields);
        var activity = Assert.IsType<CrmWriteActivity>(changes.Activity);
        Assert.Equal(("call", "Pricing call with the CFO", DealWorld.Rae), (activity.Type, activity.Subject, activity.OwnerEmail));
        Assert.True(await world.WithDbAsync(db => db.Activities.AnyAsync(a => a.Id == activity.Id && a.DealId == WriteBackWorld.Salesforce, Ct)));
        Assert.Equal(ChangeChannel.Teams, changes.Channel);
    }
}
