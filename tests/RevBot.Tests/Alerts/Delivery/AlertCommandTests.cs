using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Subscriptions;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Data.Storage;

namespace RevBot.Tests.Alerts.Delivery;

/// <summary>"subscribe …", "unsubscribe", "subscriptions", in English and Spanish, read and run for the channel a turn came from.</summary>
public sealed class AlertCommandTests
{
    [Theory]
    [InlineData("subscribe churn-risk segment:enterprise", AlertCommandVerb.Subscribe, "churn_risk", "segment=enterprise", null)]
    [InlineData("@RevBot subscribe this channel to stalled deals in EMEA over $50k", AlertCommandVerb.Subscribe, "stalled_deal", "in=emea", 50_000)]
    [InlineData("suscribir este canal a negocios estancados en EMEA de más de 50 mil", AlertCommandVerb.Subscribe, "stalled_deal", "in=emea", 50_000)]
    [InlineData("subscribe stalled deals and churn risk min:1.5m owner:jane@acme.test", AlertCommandVerb.Subscribe, "stalled_deal,churn_risk", "owner=jane@acme.test", 1_500_000)]
    [InlineData("unsubscribe from churn risk", AlertCommandVerb.Unsubscribe, "churn_risk", "", null)]
    [InlineData("subscriptions", AlertCommandVerb.List, "", "", null)]
    [InlineData("suscripciones", AlertCommandVerb.List, "", "", null)]
    [InlineData("mute stalled alerts", AlertCommandVerb.Mute, "stalled_deal", "", null)]
    [InlineData("unmute", AlertCommandVerb.Unmute, "", "", null)]
    public void Commands_are_read_with_their_kinds_and_filters(string text, AlertCommandVerb verb, string kinds, string filters, int? min)
    {
        Assert.True(AlertCommandParser.TryParse(text, out var command));

        Assert.Null(command.Problem);
        Assert.Equal(verb, command.Verb);
        Assert.Equal(kinds, string.Join(',', command.Kinds.Select(Core.Domain.EnumText.Format)));
        Assert.Equal(filters, string.Join(';', command.Filters.Select(f => $"{f.Key}={f.Value}")));
        Assert.Equal(min, (int?)command.MinAmount);
    }

    [Theory]
    [InlineData("subscribe stalled deals colour:blue", "\"colour:\"")]
    [InlineData("subscribe stalled deals with big logos", "\"with big logos\"")]
    public void An_unknown_filter_is_a_problem_not_a_guess(string text, string problem)
    {
        Assert.True(AlertCommandParser.TryParse(text, out var command));
        Assert.Equal(problem, command.Problem);
    }

    [Theory]
    [InlineData("pipeline this quarter")]
    [InlineData("deal acme")]
    [InlineData("data health")]
    public void Questions_are_not_alert_commands(string text) => Assert.False(AlertCommandParser.TryParse(text, out _));

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Subscribe_list_and_unsubscribe_in_a_channel(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider, AlertDeliveryTests.OneRule);
        // The adapter names the channel a turn came from; a DM has none.
        Task<Answer> SayAsync(string text, bool inChannel = true) => company.UseAsync<AskService, Answer>(
            a => a.AskAsync(new AskRequest(text, DeliveryCompany.Bob, null, inChannel ? "slack:T1:CSALES:UBOB:cmd" : "slack:T1:DBOB")
            {
                Channel = inChannel ? new ChannelTarget(ChatPlatform.Slack, "CSALES") : null,
            }, TestContext.Current.CancellationToken));

        var subscribed = await SayAsync("@RevBot subscribe this channel to stalled deals in EMEA over $50k");
        var unknown = await SayAsync("subscribe churn risk in Atlantis");
        var dm = await SayAsync("subscribe stalled deals", inChannel: false);
        var list = await SayAsync("subscriptions");
        var spanish = await SayAsync("suscribir a riesgo de churn segmento:smb");
        var owned = await SayAsync("subscribe stalled deals owner:alice@acme.test");
        var stopped = await SayAsync("unsubscribe");
        var none = await SayAsync("subscriptions");

        Assert.Equal("This channel will get stalled deals in EMEA, of at least $50,000.", subscribed.Text);
        Assert.Equal("I don't know the region or segment \"atlantis\". Known values: EMEA, NA, Enterprise, SMB. Nothing was changed.", unknown.Text);
        Assert.False(unknown.Understood);
        Assert.Equal("Subscriptions belong to a channel: say this in the channel that should get the alerts.", dm.Text);
        Assert.Equal("• stalled deals in EMEA, of at least $50,000", list.Text);
        Assert.Equal("Este canal recibirá riesgo de churn del segmento SMB.", spanish.Text);
        // The owner by name, never the e-mail RevBot can name (issue 19).
        Assert.Equal("This channel will get stalled deals owned by Alice Adams.", owned.Text);
        Assert.Equal("Done: 3 subscriptions changed or stopped.", stopped.Text);
        Assert.StartsWith("This channel gets no alerts.", none.Text, StringComparison.Ordinal);
        var rows = await company.DbAsync(db => db.AlertSubscriptions.AsNoTracking().OrderBy(s => s.Id).ToListAsync());
        Assert.Equal(3, rows.Count);
        Assert.Equal((ChatPlatform.Slack, "CSALES", "stalled_deal", "EMEA", 50_000m, company.BobId), (rows[0].Platform, rows[0].ChannelId, rows[0].Kinds, rows[0].Region, rows[0].MinAmount!.Value, rows[0].CreatedByUserId!.Value));
        Assert.All(rows, r => Assert.False(r.Active));
        // Each subscription remembers the language it was asked in: the channel's alerts are written in it.
        Assert.Equal(["en", "es", "en"], rows.Select(r => r.Language));
    }

    [Fact]
    public async Task Unsubscribing_one_kind_keeps_the_other()
    {
        await using var company = await DeliveryCompany.CreateAsync(DbProvider.Sqlite, AlertDeliveryTests.OneRule);
        Task<Answer> SayAsync(string text) => company.UseAsync<AskService, Answer>(
            a => a.AskAsync(new AskRequest(text, DeliveryCompany.Bob, null, "teams:19:ops@thread.tacv2;messageid=1")
            {
                Channel = new ChannelTarget(ChatPlatform.Teams, "19:ops@thread.tacv2"),
            }, TestContext.Current.CancellationToken));

        await SayAsync("subscribe");
        await SayAsync("unsubscribe from churn risk");

        var row = Assert.Single(await company.DbAsync(db => db.AlertSubscriptions.AsNoTracking().ToListAsync()));
        Assert.Equal((ChatPlatform.Teams, "19:ops@thread.tacv2", "stalled_deal", true), (row.Platform, row.ChannelId, row.Kinds, row.Active));
        Assert.Equal([AlertKind.StalledDeal], Core.Alerts.Delivery.AlertFilter.Kinds(row.Kinds));
    }
}
