using Microsoft.EntityFrameworkCore;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Images;
using RevBot.Core.Outbox;
using RevBot.Data.Storage;
using RevBot.Tests.Digests.Scheduling;
using static RevBot.Tests.ScheduledQuestions.ScheduledQuestionWorld;

namespace RevBot.Tests.ScheduledQuestions;

/// <summary>A scheduled question that asks for a chart sends it as an interactive answer shows it: the PNG stored with the outbox row, its token on the reply's image.</summary>
public sealed class ScheduledQuestionChartTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_scheduled_chart_carries_its_image_and_a_plain_question_carries_none(DbProvider provider)
    {
        await using var w = await CreateAsync(provider, SchedulerHost.Local(Zone, 2026, 11, 27, 12));
        Assert.Equal("schedule", (await w.SayAsync("every Monday at 9 send me a chart of bookings by month")).Intent);
        Assert.Equal("schedule", (await w.SayAsync("every Monday at 9 send me bookings by month")).Intent);

        Assert.All(await w.TickAtAsync(2026, 11, 30, 9), r => Assert.Equal(DigestSlotOutcomes.Posted, r.Outcome));

        var sent = (await w.SentAsync()).Select(m => ReplyJson.Deserialize(m.Payload)).ToList();
        Assert.Equal(2, sent.Count);
        var charted = Assert.Single(sent, r => r.Images.Count > 0);
        var image = Assert.Single(charted.Images);
        Assert.Equal("bookings-by-month.png", image.FileName);
        Assert.NotNull(image.Token);
        Assert.Empty(Assert.Single(sent, r => r != charted).Images);

        await using var db = w.Database.NewContext();
        var stored = await db.ReplyImages.AsNoTracking().SingleAsync(i => i.Token == image.Token, Ct);
        // The bytes are the PNG drawn for the answer (the PNG signature), kept until the images' lifetime ends.
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, stored.Bytes[..4]);
        Assert.True(stored.ExpiresAt > w.Time.GetUtcNow().UtcDateTime.AddDays(29));
    }
}
