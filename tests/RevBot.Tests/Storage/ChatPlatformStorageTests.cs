using Microsoft.EntityFrameworkCore;
using RevBot.Core.Chat;
using RevBot.Core.Domain;
using RevBot.Core.Handoffs;
using RevBot.Core.Outbox;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Storage;

/// <summary>
/// <see cref="ChatPlatform"/> is a type in C# and the same text as before in the database and in settings: rows written
/// before the type existed still read, and new rows are stored as "slack" and "teams".
/// </summary>
public sealed class ChatPlatformStorageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_platform_columns_keep_the_text_slack_and_teams(DbProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var ctx = db.NewContext())
        {
            var now = DateTime.UtcNow;
            ctx.Outbox.Add(new OutboxMessage { Kind = "alert", Platform = ChatPlatform.Teams, ChannelId = "19:a@thread.tacv2", Payload = "{}", CreatedAt = now, AvailableAt = now });
            await ctx.SaveChangesAsync(Ct);
            // The claim is raw SQL: it must write the same text the column converter reads back.
            Assert.True(await InboundDeliveryClaims.TryClaimAsync(ctx, ChatPlatform.Slack, "d1", now, Ct));
            await ctx.Database.ExecuteSqlRawAsync("INSERT INTO inbound_deliveries (platform, delivery_id, received_at) VALUES ('teams', 'd2', {0})", [now], Ct);
        }

        await using var read = db.NewContext();
        Assert.Equal(["teams"], await read.Database.SqlQueryRaw<string>("SELECT platform AS \"Value\" FROM outbox_messages").ToListAsync(Ct));
        Assert.Equal(["slack", "teams"], await read.Database.SqlQueryRaw<string>("SELECT platform AS \"Value\" FROM inbound_deliveries ORDER BY delivery_id").ToListAsync(Ct));
        Assert.Equal([(ChatPlatform.Slack, "d1"), (ChatPlatform.Teams, "d2")],
            (await read.InboundDeliveries.OrderBy(d => d.DeliveryId).ToListAsync(Ct)).Select(d => (d.Platform, d.DeliveryId)));
        Assert.Equal(1, await read.InboundDeliveries.CountAsync(d => d.Platform == ChatPlatform.Teams, Ct));
    }

    [Theory]
    [InlineData("slack:C0123ABCD", ChatPlatform.Slack, "C0123ABCD", "slack:C0123ABCD")]
    [InlineData(" Teams :19:abc@thread.tacv2", ChatPlatform.Teams, "19:abc@thread.tacv2", "teams:19:abc@thread.tacv2")]
    public void A_channel_setting_reads_and_writes_the_lowercase_platform(string text, ChatPlatform platform, string channel, string written)
    {
        Assert.True(ChannelTarget.TryParse(text, out var target));
        Assert.Equal(new ChannelTarget(platform, channel), target);
        Assert.Equal(written, target.ToString());
    }

    [Theory]
    [InlineData("discord:C1")]
    [InlineData("0:C1")]
    [InlineData("slack:")]
    public void Other_platforms_are_not_channels(string text) => Assert.False(ChannelTarget.TryParse(text, out _));
}
