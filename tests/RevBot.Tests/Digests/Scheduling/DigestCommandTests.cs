using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Core.Handoffs;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Testing;
using static RevBot.Tests.Digests.Scheduling.SchedulerHost;

namespace RevBot.Tests.Digests.Scheduling;

/// <summary>Digest commands through <see cref="AskService"/> as a chat turn carries them (text + channel), in English and Spanish.</summary>
public sealed class DigestCommandTests : IAsyncLifetime
{
    private static readonly ChannelTarget Channel = new(ChatPlatform.Slack, "C0SALES");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 11, 0, 0, TimeSpan.Zero)); // a Friday
    private TestDatabase _database = null!;
    private SchedulerHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        _host = new SchedulerHost(_database, _time);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Task<Answer> AskAsync(string text, ChannelTarget? channel = null) =>
        _host.UseAsync(sp => sp.GetRequiredService<AskService>().AskAsync(new AskRequest(text, "ana@example.com") { Channel = channel ?? Channel }, Ct));

    [Fact]
    public async Task A_slash_command_schedules_the_channel_in_the_company_zone_and_says_when_the_next_post_is()
    {
        var answer = await AskAsync("digest weekly sales every monday 9:00");

        Assert.Equal("digest_scheduled", answer.Intent);
        Assert.Equal("Done: the Sales digest will be posted here every Monday at 09:00 (Europe/Madrid). Next post: Monday 30 November 2026 at 09:00 (Europe/Madrid).", answer.Text);
        await using var db = _database.NewContext();
        var row = await db.DigestSchedules.SingleAsync(Ct);
        Assert.Equal((ChatPlatform.Slack, "C0SALES", "sales", "0 9 * * 1", "Europe/Madrid", "en", false, "ana@example.com", true),
            (row.Platform, row.ChannelId, row.Kind, row.Cron, row.TimeZone, row.Language, row.SkipIfEmpty, row.CreatedBy, row.Active));
    }

    [Fact]
    public async Task A_mention_with_a_time_zone_and_skip_if_empty_and_a_filter_is_stored_as_written()
    {
        var answer = await AskAsync("post the cs digest here on Mondays at 8:30 America/New_York region EMEA skip if empty");

        Assert.Equal("Done: the Customer success digest will be posted here every Monday at 08:30 (America/New_York), region EMEA, skipped when the week is empty. Next post: Monday 30 November 2026 at 08:30 (America/New_York).", answer.Text);
        await using var db = _database.NewContext();
        var row = await db.DigestSchedules.SingleAsync(Ct);
        Assert.Equal(("cs", "30 8 * * 1", "America/New_York", "EMEA", true), (row.Kind, row.Cron, row.TimeZone, row.Region, row.SkipIfEmpty));
    }

    [Fact]
    public async Task Spanish_commands_schedule_list_and_stop_in_Spanish()
    {
        var scheduled = await AskAsync("publica el resumen de ventas aquí los lunes a las 9:00");
        Assert.Equal("Hecho: el resumen de ventas se publicará aquí los lunes a las 09:00 (Europe/Madrid). Próxima publicación: lunes 30 de noviembre de 2026 a las 09:00 (Europe/Madrid).", scheduled.Text);

        var list = await AskAsync("¿qué resúmenes hay?");
        Assert.Equal("digest_list", list.Intent);
        Assert.Equal("Ventas · los lunes a las 09:00 (Europe/Madrid) · próxima: lunes 30 de noviembre de 2026 a las 09:00 (Europe/Madrid)", Assert.Single(Assert.Single(list.Reply.Sections).Items).Text);

        var stopped = await AskAsync("deja de publicar el resumen de ventas aquí");
        Assert.Equal("El resumen de ventas ya no se publicará en este canal.", stopped.Text);
        await using var db = _database.NewContext();
        Assert.False((await db.DigestSchedules.SingleAsync(Ct)).Active);
    }

    [Fact]
    public async Task Asking_again_changes_the_channels_schedule_and_stop_ends_it_so_the_scheduler_posts_nothing()
    {
        await AskAsync("digest weekly sales every monday 9:00");
        var changed = await AskAsync("digest weekly sales every weekday 7:45 skip if empty");
        Assert.StartsWith("Done: the Sales digest will be posted here on weekdays at 07:45 (Europe/Madrid), skipped when the week is empty. Next post: Monday 30 November 2026 at 07:45", changed.Text);
        var elsewhere = await AskAsync("digest weekly exec every friday 16:00", new ChannelTarget(ChatPlatform.Teams, "19:abc@thread.tacv2"));

        var list = await AskAsync("digests");
        Assert.Equal(["Sales · on weekdays at 07:45 (Europe/Madrid), skipped when the week is empty · next: Monday 30 November 2026 at 07:45 (Europe/Madrid)"],
            Assert.Single(list.Reply.Sections).Items.Select(i => i.Text));

        Assert.Equal("The Sales digest will no longer be posted in this channel.", (await AskAsync("stop the sales digest here")).Text);
        Assert.Equal("There is no Sales digest scheduled in this channel.", (await AskAsync("stop the sales digest here")).Text);
        Assert.Equal("No digests are scheduled in this channel. Try: \"digest weekly sales every monday 9:00\".", (await AskAsync("digests")).Text);

        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
        Assert.Empty(await _host.TickAsync());
        Assert.Empty(await _host.OutboxAsync());
        Assert.Equal("digest_scheduled", elsewhere.Intent);
    }

    [Fact]
    public async Task Without_a_channel_or_with_an_unknown_zone_nothing_is_stored_and_the_answer_says_why()
    {
        var cli = await _host.UseAsync(sp => sp.GetRequiredService<AskService>().AskAsync(new AskRequest("digest weekly sales every monday 9:00"), Ct));
        Assert.False(cli.Understood);
        Assert.Contains("from a Slack or Teams channel", cli.Text, StringComparison.Ordinal);

        var zone = await AskAsync("digest weekly sales every monday 9:00 Mars/Olympus");
        Assert.Equal("I don't know the time zone \"Mars/Olympus\": write it like Europe/Madrid or America/New_York.", zone.Text);

        var which = await AskAsync("digest every monday 9:00");
        Assert.Equal("Which digest? sales, cs, marketing, finance or exec.", which.Text);

        await using var db = _database.NewContext();
        Assert.Equal(0, await db.DigestSchedules.CountAsync(Ct));
    }

    [Fact]
    public async Task Questions_without_a_digest_word_or_a_scheduling_cue_are_still_questions()
    {
        Assert.Equal("metric", (await AskAsync("bookings last week")).Intent);
        Assert.DoesNotContain("digest", (await AskAsync("informe de ventas")).Intent, StringComparison.Ordinal);
        await using var db = _database.NewContext();
        Assert.Equal(0, await db.DigestSchedules.CountAsync(Ct));
    }
}
