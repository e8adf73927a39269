using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts;
using RevBot.Data.Storage;

namespace RevBot.Tests.Alerts.Delivery;

/// <summary>
/// Issue 18 §4: an alert is written in its reader's language, whatever language the scan ran in (the hourly scan is
/// English): a direct message in the person's (setting, else chat locale), a channel post in its subscription's.
/// </summary>
public sealed class AlertLanguageTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_spanish_speaker_gets_a_spanish_dm_from_an_english_scan_and_an_english_channel_gets_english(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider, AlertDeliveryTests.OneRule);
        await company.SpeaksAsync("es");
        await company.SubscribeAsync("CEN", "stalled_deal");

        await company.ScanAsync();

        var outbox = await company.OutboxAsync();
        var dm = DeliveryCompany.Payload(outbox.Single(m => m.RecipientUserId == company.AliceId));
        Assert.Equal(("es", "2 alertas requieren tu atención"), (dm.Language, dm.Title));
        Assert.EndsWith("Motivo: sin actividad desde su creación hace 30 días.", dm.Rows[0].Text, StringComparison.Ordinal);
        Assert.Equal(["Abrir negocio", "Posponer 7 días", "Descartar", "Me encargo"], dm.Rows[0].Actions.Select(a => a.Label));
        var channel = DeliveryCompany.Payload(outbox.Single(m => m.ChannelId == "CEN"));
        Assert.Equal(("en", "Open alerts for this channel"), (channel.Language, channel.Title));
        Assert.Contains("Why: no activity since it was created 30 days ago.", channel.Text, StringComparison.Ordinal);
        // The stored text is the scan's (English); the stored words are what each message wrote from.
        Assert.All(await company.AlertsAsync(), a => Assert.Equal("no activity since it was created 30 days ago", a.Reason));
        Assert.All(await company.AlertsAsync(), a => Assert.Contains("AlertReasonQuietSinceCreated", a.ReasonData, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_channel_subscribed_in_spanish_gets_spanish_and_a_person_without_a_setting_gets_their_chat_locales()
    {
        await using var company = await DeliveryCompany.CreateAsync(DbProvider.Sqlite, AlertDeliveryTests.OneRule);
        await company.SpeaksAsync(null, "es-MX");
        await company.SubscribeAsync("CES", "stalled_deal", language: "es");
        await company.ScanAsync();
        company.Time.Advance(TimeSpan.FromHours(2));
        await company.AddStalledDealAsync("emea-new-1", 40_000m);
        await company.AddStalledDealAsync("emea-new-2", 30_000m);

        await company.ScanAsync();

        var posts = (await company.OutboxAsync()).Where(m => m.ChannelId == "CES").Select(DeliveryCompany.Payload).ToList();
        Assert.Equal(["Alertas abiertas para este canal", "2 alertas nuevas para este canal"], posts.Select(p => p.Title));
        Assert.Contains("Motivo: sin actividad desde su creación hace 30 días.", posts[0].Text, StringComparison.Ordinal);
        Assert.All(posts, p => Assert.Equal("es", p.Language));
        Assert.Equal("Posponer todas 7 días", posts[1].Actions[0].Label);
        var dms = (await company.OutboxAsync()).Where(m => m.RecipientUserId == company.AliceId).Select(DeliveryCompany.Payload).ToList();
        Assert.All(dms, d => Assert.Equal("es", d.Language));
    }

    [Fact]
    public async Task A_reason_stored_before_reasons_were_words_is_shown_as_it_was_stored()
    {
        await using var company = await DeliveryCompany.CreateAsync(DbProvider.Sqlite, AlertDeliveryTests.OneRule);
        await company.SpeaksAsync("es");
        var now = company.Time.GetUtcNow().UtcDateTime;
        // A row an older RevBot stored: its reason as text, no words; still open and waiting to be delivered.
        await company.DbAsync(async db =>
        {
            db.Alerts.Add(new Alert
            {
                Kind = "stalled_deal", SubjectId = "emea-big", SubjectName = "emea-big", ReasonCode = "no_activity", Reason = "no activity for ages (stored text)",
                Recipients = DeliveryCompany.Alice, State = AlertState.Open, FirstSeenAt = now.AddDays(-1), LastSeenAt = now.AddDays(-1),
            });
            return await db.SaveChangesAsync();
        });

        await company.ScanAsync();

        var dm = DeliveryCompany.Payload(Assert.Single(await company.OutboxAsync()));
        Assert.EndsWith("Motivo: no activity for ages (stored text).", dm.Rows.Single(r => r.Text.Contains("emea-big", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
        Assert.EndsWith("Motivo: sin actividad desde su creación hace 30 días.", dm.Rows.Single(r => r.Text.Contains("na-small", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
        Assert.Null((await company.AlertsAsync()).Single(a => a.SubjectId == "emea-big").ReasonData);
        Assert.Equal(1, await company.DbAsync(db => db.Alerts.CountAsync(a => a.SubjectId == "emea-big")));
    }
}
