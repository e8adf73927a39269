using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Core.Images;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.Testing;
using static RevBot.Tests.Digests.Scheduling.SchedulerHost;

namespace RevBot.Tests.Digests.Scheduling;

/// <summary>The scheduler through its tick on a fake clock: when slots post, catch-up, skip-if-empty, failures and images.</summary>
public sealed class DigestSchedulerTests
{
    private const string EveryMonday9 = "0 9 * * 1";

    [Theory]
    [InlineData("Europe/Madrid", 2026, 3, 23, 2026, 10, 19)]
    [InlineData("America/New_York", 2026, 3, 2, 2026, 10, 26)]
    public async Task A_9_00_schedule_posts_at_9_00_local_on_both_sides_of_each_daylight_saving_change(string zone, int y1, int m1, int d1, int y2, int m2, int d2)
    {
        // From the Monday before each change (spring, then autumn), three Mondays.
        foreach (var (year, month, day) in new[] { (y1, m1, d1), (y2, m2, d2) })
        {
            await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
            var first = new DateTime(year, month, day);
            var time = new FakeTimeProvider(Local(zone, year, month, day, 0) - TimeSpan.FromDays(1));
            await using var host = new SchedulerHost(database, time);
            var schedule = await host.AddScheduleAsync("sales", EveryMonday9, zone, time.GetUtcNow());
            var offsets = new HashSet<TimeSpan>();
            for (var week = 0; week < 3; week++)
            {
                var monday = first.AddDays(7 * week);
                var nine = Local(zone, monday.Year, monday.Month, monday.Day, 9);
                time.SetUtcNow(nine - TimeSpan.FromMinutes(1));
                Assert.Empty(await host.TickAsync());
                time.SetUtcNow(nine + TimeSpan.FromSeconds(30));
                var posted = Assert.Single(await host.TickAsync());
                Assert.Equal((schedule.Id, nine, DigestSlotOutcomes.Posted), (posted.Due.Schedule.Id, posted.Due.Slot, posted.Outcome));
                Assert.Equal(9, TimeZoneInfo.ConvertTime(posted.Due.Slot, TimeZoneInfo.FindSystemTimeZoneById(zone)).Hour);
                offsets.Add(TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(nine));
                Assert.Empty(await host.TickAsync());
            }
            // The three Mondays straddle a change: the UTC instant of 9:00 moved, the local time did not.
            Assert.Equal(2, offsets.Count);
            Assert.Equal(3, (await host.OutboxAsync()).Count);
        }
    }

    [Fact]
    public async Task A_slot_missed_by_downtime_is_posted_once_when_less_than_12_hours_late_and_skipped_after()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        var zone = "Europe/Madrid";
        var time = new FakeTimeProvider(Local(zone, 2026, 11, 29, 12));
        await using var host = new SchedulerHost(database, time);
        var schedule = await host.AddScheduleAsync("sales", EveryMonday9, zone, time.GetUtcNow());

        // Down from Sunday to Monday 14:30: the 9:00 slot is 5.5 h late, posted once.
        time.SetUtcNow(Local(zone, 2026, 11, 30, 14, 30));
        var caughtUp = Assert.Single(await host.TickAsync());
        Assert.Equal(Local(zone, 2026, 11, 30, 9), caughtUp.Due.Slot);
        Assert.Empty(await host.TickAsync());
        // A restart (a new instance) does not post it again either.
        await using (var restarted = new SchedulerHost(database, time)) Assert.Empty(await restarted.TickAsync());

        // Down over the next Monday until 21:30: 12.5 h late, skipped and never posted.
        time.SetUtcNow(Local(zone, 2026, 12, 7, 21, 30));
        Assert.Empty(await host.TickAsync());
        time.SetUtcNow(Local(zone, 2026, 12, 7, 22, 0));
        Assert.Empty(await host.TickAsync());

        Assert.Single(await host.OutboxAsync());
        var claims = await host.ClaimsAsync();
        Assert.Equal([DigestSlotOutcomes.Posted, DigestSlotOutcomes.Skipped], claims.Select(c => c.Outcome));
        Assert.Equal(Local(zone, 2026, 12, 7, 9).UtcDateTime, DateTime.SpecifyKind(claims[1].SlotAt, DateTimeKind.Utc));
        Assert.All(claims, c => Assert.Equal(schedule.Id, c.ScheduleId));
    }

    [Fact]
    public async Task An_empty_week_posts_nothing_for_a_skip_if_empty_schedule_and_posts_for_the_others()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        var zone = "Europe/Madrid";
        var time = new FakeTimeProvider(Local(zone, 2026, 11, 29, 12));
        await using var host = new SchedulerHost(database, time);
        var skipping = await host.AddScheduleAsync("sales", EveryMonday9, zone, time.GetUtcNow(), skipIfEmpty: true, channel: "CSKIP");
        var posting = await host.AddScheduleAsync("sales", EveryMonday9, zone, time.GetUtcNow(), skipIfEmpty: false, channel: "CPOST");

        time.SetUtcNow(Local(zone, 2026, 11, 30, 9, 1));
        var outcomes = (await host.TickAsync()).ToDictionary(r => r.Due.Schedule.Id, r => r.Outcome);

        Assert.Equal(DigestSlotOutcomes.Empty, outcomes[skipping.Id]);
        Assert.Equal(DigestSlotOutcomes.Posted, outcomes[posting.Id]);
        var message = Assert.Single(await host.OutboxAsync());
        Assert.Equal(("digest", ChatPlatform.Slack, "CPOST"), (message.Kind, message.Platform, message.ChannelId));
        Assert.Equal(ReplyKind.Digest, Reply(message).Kind);
    }

    [Fact]
    public async Task A_digest_that_fails_to_build_tells_the_channel_once_and_is_not_retried()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        var zone = "America/New_York";
        var time = new FakeTimeProvider(Local(zone, 2026, 11, 29, 12));
        await using var host = new SchedulerHost(database, time);
        await host.AddScheduleAsync("finance", EveryMonday9, zone, time.GetUtcNow());
        await using (var db = database.NewContext())
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE deals RENAME TO deals_unavailable", Ct);

        time.SetUtcNow(Local(zone, 2026, 11, 30, 9, 1));
        Assert.Equal(DigestSlotOutcomes.Failed, Assert.Single(await host.TickAsync()).Outcome);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await host.TickAsync());

        var message = Assert.Single(await host.OutboxAsync());
        var reply = Reply(message);
        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Equal("The Finance digest could not be built", reply.Title);
        Assert.Empty(reply.Images);
        Assert.Equal(DigestSlotOutcomes.Failed, Assert.Single(await host.ClaimsAsync()).Outcome);
    }

    [Fact]
    public async Task A_posted_digest_stores_its_charts_as_800_by_400_PNGs_under_tokens_the_reply_carries()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        var zone = "Europe/Madrid";
        var time = new FakeTimeProvider(Local(zone, 2026, 11, 29, 12));
        await using var host = new SchedulerHost(database, time);
        await host.AddScheduleAsync("finance", EveryMonday9, zone, time.GetUtcNow());

        time.SetUtcNow(Local(zone, 2026, 11, 30, 9, 1));
        await host.TickAsync();

        var message = Assert.Single(await host.OutboxAsync());
        var reply = Reply(message);
        Assert.NotEmpty(reply.Images);
        Assert.Equal(message.Payload, ReplyJson.Serialize(reply));
        foreach (var image in reply.Images)
        {
            Assert.True(ReplyImageStore.IsWellFormed(image.Token), image.FileName);
            var stored = await host.UseAsync(sp => sp.GetRequiredService<ReplyImageStore>().LoadAsync(image.Token, Ct));
            Assert.NotNull(stored);
            Assert.Equal("image/png", stored.ContentType);
            Assert.Equal((800, 400), PngSize(stored.Bytes));
            Assert.Equal(time.GetUtcNow().UtcDateTime.AddDays(30), DateTime.SpecifyKind(stored.ExpiresAt, DateTimeKind.Utc));
        }
        Assert.Equal(reply.Images.Count, reply.Images.Select(i => i.Token).Distinct().Count());
    }

    /// <summary>Width and height from a PNG's IHDR chunk, after checking the signature.</summary>
    internal static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 24 && png[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
