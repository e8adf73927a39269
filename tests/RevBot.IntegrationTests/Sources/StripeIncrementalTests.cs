using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Sources;
using RevBot.Data.Storage;
using RevBot.Sources.Stripe;

namespace RevBot.IntegrationTests.Sources;

/// <summary>After a full sync, Stripe's events bring what changed; an interrupted listing resumes; a rate limit is waited out.</summary>
[Collection(StripeHarness.Collection)]
public sealed class StripeIncrementalTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task An_incremental_sync_reads_the_events_since_the_last_one_and_reads_each_named_subscription_again(DbProvider provider)
    {
        await using var h = await StripeHarness.StartAsync(provider);
        await h.AddAccountsAsync(5);
        var f = h.Fake;
        f.Generate(30, i => $"A-{1 + (i % 5)}");
        f.Emit("customer.subscription.updated", f.Subscription("sub_0000001"));
        Assert.Null((await h.SyncAsync(full: true)).Error);
        var before = await h.StoredAsync();

        var grown = f.Subscription("sub_0000002");
        grown.Items[0] = grown.Items[0] with { Quantity = grown.Items[0].Quantity + 10 };
        f.Emit("customer.subscription.updated", grown);
        var cancelled = f.Subscription("sub_0000003");
        cancelled.Status = "canceled";
        cancelled.CanceledAt = cancelled.EndedAt = f.Now;
        f.Emit("customer.subscription.deleted", cancelled);
        var added = StripeSyncTests.Sub("sub_new", f.Now.Date.AddDays(-1), grown.Items[0].Price, customer: "cus_0000004");
        f.AddSubscription(added);
        f.Emit("customer.subscription.created", added);
        f.Emit("customer.subscription.updated", added);
        f.Emit("invoice.paid", new System.Text.Json.Nodes.JsonObject { ["id"] = "in_1", ["object"] = "invoice" });
        var gone = f.Subscription("sub_0000004");
        f.Emit("customer.subscription.deleted", gone);
        f.Remove(gone.Id);
        var listedBefore = f.Calls("/v1/subscriptions").Count(r => !r.Path.StartsWith("/v1/subscriptions/", StringComparison.Ordinal));

        var run = await h.SyncAsync();

        Assert.Null(run.Error);
        var after = await h.StoredAsync();
        Assert.Equal(f.ExpectedMrr(grown), after["stripe:sub_0000002"].Mrr);
        Assert.NotEqual(before["stripe:sub_0000002"].Mrr, after["stripe:sub_0000002"].Mrr);
        Assert.Equal(DateOnly.FromDateTime(f.Now), after["stripe:sub_0000003"].EndDate);
        Assert.Equal(f.ExpectedMrr(added), after["stripe:sub_new"].Mrr);
        Assert.False(after.ContainsKey("stripe:sub_0000004"));
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(1, run.Deleted);
        // Read from the events after the full sync's newest, then each subscription by id: no listing again.
        Assert.Contains(f.Calls("/v1/events"), r => r.Query.Contains("ending_before=evt_00000001", StringComparison.Ordinal));
        Assert.Equal(listedBefore, f.Calls("/v1/subscriptions").Count(r => !r.Path.StartsWith("/v1/subscriptions/", StringComparison.Ordinal)));
        await using var db = h.Db.NewContext();
        var cursor = await db.SyncCursors.SingleAsync(c => c.System == SourceSystem.Stripe, TestContext.Current.CancellationToken);
        Assert.Contains("\"event\":\"evt_00000007\"", cursor.Position, StringComparison.Ordinal);

        var again = await h.SyncAsync();
        Assert.Equal(0, again.Read);
        Assert.Equal(0, again.Written);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task An_event_cursor_stripe_no_longer_keeps_starts_a_full_listing_again(DbProvider provider)
    {
        await using var h = await StripeHarness.StartAsync(provider);
        await h.AddAccountsAsync(5);
        h.Fake.Generate(30, i => $"A-{1 + (i % 5)}");
        Assert.Null((await h.SyncAsync(full: true)).Error);
        await using (var db = h.Db.NewContext())
        {
            var cursor = await db.SyncCursors.SingleAsync(c => c.System == SourceSystem.Stripe, TestContext.Current.CancellationToken);
            cursor.Position = "{\"listing\":false,\"event\":\"evt_older_than_30_days\"}";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var listed = h.Fake.Calls("/v1/subscriptions").Count(r => r.Path == "/v1/subscriptions");

        var run = await h.SyncAsync();

        Assert.Null(run.Error);
        Assert.Equal(30, run.Read);
        Assert.True(h.Fake.Calls("/v1/subscriptions").Count(r => r.Path == "/v1/subscriptions") > listed);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task An_interrupted_full_sync_resumes_after_the_last_committed_page_without_duplicates(DbProvider provider)
    {
        await using var h = await StripeHarness.StartAsync(provider);
        await h.AddAccountsAsync(5);
        var f = h.Fake;
        // A listing batch is ten pages (StripeConnector.ListingBatchSize): the first thousand commit, then Stripe refuses
        // the thirteenth page (a 400 is not retried) and the run stops inside the second batch.
        f.Generate(2500, i => $"A-{1 + (i % 5)}");
        f.Fail(400, 1, r => r.Path == "/v1/subscriptions" && r.Query.Contains("starting_after=sub_0001301", StringComparison.Ordinal));

        var first = await h.SyncAsync(full: true);

        Assert.NotNull(first.Error);
        Assert.Contains("Stripe refused to list subscriptions: 400", first.Error, StringComparison.Ordinal);
        Assert.Equal(StripeConnector.ListingBatchSize, (await h.StoredAsync()).Count);
        var callsBefore = f.Calls("/v1/subscriptions").Count(r => r.Path == "/v1/subscriptions");

        var second = await h.SyncAsync();

        Assert.Null(second.Error);
        Assert.Equal(1500, second.Read);
        var stored = await h.StoredAsync();
        Assert.Equal(2500, stored.Count);
        Assert.Equal(f.ExpectedMrr(h.Today), stored.Values.Where(s => s.StartDate <= h.Today && (s.EndDate is null || s.EndDate > h.Today)).Sum(s => s.Mrr));
        // The second run starts after the last subscription the first one committed, not from the top.
        var resumed = f.Calls("/v1/subscriptions").Where(r => r.Path == "/v1/subscriptions").ToList();
        Assert.Contains("starting_after=sub_0001501", resumed[callsBefore].Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_rate_limited_or_failing_stripe_is_retried_and_nothing_is_lost(DbProvider provider)
    {
        await using var h = await StripeHarness.StartAsync(provider);
        await h.AddAccountsAsync(5);
        var f = h.Fake;
        f.Generate(120, i => $"A-{1 + (i % 5)}");
        f.Fail(429, 2, r => r.Path == "/v1/subscriptions");
        f.Fail(503, 1, r => r.Path == "/v1/subscriptions");

        var run = await h.SyncAsync(full: true);

        Assert.Null(run.Error);
        Assert.Equal(120, (await h.StoredAsync()).Count);
        // The first page was asked four times (two 429s and a 503, then the answer), the second once.
        Assert.Equal(5, f.Calls("/v1/subscriptions").Count(r => r.Path == "/v1/subscriptions"));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_dry_run_counts_what_it_would_write_and_writes_nothing(DbProvider provider)
    {
        await using var h = await StripeHarness.StartAsync(provider);
        await h.AddAccountsAsync(5);
        h.Fake.Generate(40, i => $"A-{1 + (i % 5)}");

        var run = await h.SyncAsync(full: true, dryRun: true);

        Assert.Null(run.Error);
        Assert.Equal(40, run.Written);
        Assert.Empty(await h.StoredAsync());
        await using var db = h.Db.NewContext();
        Assert.False(await db.SyncCursors.AnyAsync(TestContext.Current.CancellationToken));
    }
}
