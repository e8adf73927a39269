using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Actions;
using RevBot.Core.Alerts.Personal;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Core.Interactions;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.Tests.Alerts.Delivery;

namespace RevBot.Tests.Alerts.Personal;

/// <summary>
/// A person's own at-risk accounts and alert settings, as the Home tab reads them, and the Mute / Unmute and "I'm on it"
/// buttons it offers, through the interaction service like every card button.
/// </summary>
public sealed class PersonalAlertsTests
{
    private const string Carol = "carol@acme.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task At_risk_lists_the_accounts_the_person_owns_highest_score_first_with_their_reasons(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider);
        await SeedAtRiskAsync(company);

        var alice = await AtRiskAsync(company, DeliveryCompany.Alice, take: 3);
        var bob = await AtRiskAsync(company, DeliveryCompany.Bob, take: 3);
        var carol = await AtRiskAsync(company, Carol, take: 3);
        var stranger = await AtRiskAsync(company, "nobody@acme.test", take: 3);

        // Alice owns eight accounts with open or snoozed churn alerts; Bob's account, the dismissed one and the stalled deal do not count.
        Assert.Equal((8, 5), (alice!.Total, alice.More));
        Assert.Equal(["Emea Corp", "Acct 6", "Na Inc"], alice.Shown.Select(a => a.Name));
        Assert.Equal([81, 75, 62], alice.Shown.Select(a => a.Score));
        var emea = alice.Shown[0];
        Assert.Equal("usage down 43% in 30 days, renews in 41 days with no renewal deal open", emea.Why);
        Assert.Null(emea.Note);
        Assert.Equal((AlertActionIds.Assign, "I'm on it"), (emea.Action!.Id, emea.Action.Label));
        Assert.True(AlertActionValue.TryDecode(emea.Action.Value, out var ids));
        var alerts = await company.AlertsAsync();
        Assert.Equal(alerts.Where(a => a.SubjectId == "acc-emea" && a.State == AlertState.Open).Min(a => a.Id), Assert.Single(ids));
        Assert.Equal("snoozed until Jun 20", alice.Shown[2].Note);
        Assert.Equal("Bob Brown is on it", alice.Shown[1].Note);
        Assert.Null(alice.Shown[1].Action);
        Assert.Equal((1, "Bob Co: usage down 60% in 30 days"), (bob!.Total, $"{bob.Shown[0].Name}: {bob.Shown[0].Why}"));
        Assert.Equal(0, carol!.Total);
        Assert.Empty(carol.Shown);
        Assert.Null(stranger);
    }

    [Fact]
    public async Task Pressing_im_on_it_from_the_list_assigns_the_account_to_the_presser()
    {
        await using var company = await DeliveryCompany.CreateAsync(DbProvider.Sqlite);
        await SeedAtRiskAsync(company);
        var action = (await AtRiskAsync(company, DeliveryCompany.Alice, take: 1))!.Shown[0].Action!;

        var card = await PressAsync(company, action, DeliveryCompany.Alice);
        var after = (await AtRiskAsync(company, DeliveryCompany.Alice, take: 1))!.Shown[0];

        Assert.Equal("Alice Adams is on it", card.Notice);
        Assert.Equal(("Emea Corp", "you're on it"), (after.Name, after.Note));
        Assert.Null(after.Action);
        Assert.All((await company.AlertsAsync()).Where(a => a.SubjectId == "acc-emea" && a.State != AlertState.Resolved), a => Assert.Equal(company.AliceId, a.AssignedUserId));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Settings_are_the_persons_own_mutes_quiet_hours_and_what_they_set_up_for_channels(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider);
        await SayAsync(company, "mute stalled alerts", DeliveryCompany.Alice);
        await SayAsync(company, "subscribe churn risk in EMEA", DeliveryCompany.Alice, new ChannelTarget(ChatPlatform.Slack, "CSALES"));
        await SayAsync(company, "subscribe stalled deals over $50k", DeliveryCompany.Alice, new ChannelTarget(ChatPlatform.Teams, "19:ops@thread.tacv2"));
        await SayAsync(company, "subscribe stalled deals", DeliveryCompany.Bob, new ChannelTarget(ChatPlatform.Slack, "CBOB"));
        await SayAsync(company, "subscribe stalled deals", DeliveryCompany.Alice, new ChannelTarget(ChatPlatform.Slack, "COLD"));
        await SayAsync(company, "unsubscribe", DeliveryCompany.Alice, new ChannelTarget(ChatPlatform.Slack, "COLD"));
        await company.DbAsync(async db =>
        {
            db.DigestSchedules.AddRange(
                Digest("CSALES", "sales", "30 8 * * 1", "ALICE@acme.test", region: "EMEA"),
                Digest("CEXEC", "exec", "0 9 * * 1-5", "UALICE"),
                Digest("CBOB", "cs", "0 9 * * 1", DeliveryCompany.Bob),
                Digest("COLD", "finance", "0 9 * * 1", DeliveryCompany.Alice, active: false));
            return await db.SaveChangesAsync();
        });

        var alice = (await SettingsAsync(company, DeliveryCompany.Alice))!;
        var bob = (await SettingsAsync(company, DeliveryCompany.Bob))!;

        Assert.Equal([("Stalled-deal DMs", true, AlertActionIds.Unmute, "stalled_deal"), ("Churn-risk DMs", false, AlertActionIds.Mute, "churn_risk"),
                ("Expansion-play DMs", false, AlertActionIds.Mute, "expansion")],
            alice.DirectMessages.Select(d => (d.Label, d.Muted, d.Toggle.Id, d.Toggle.Value)));
        Assert.Equal("20:00–08:00 in Europe/Madrid (your time zone): direct messages decided then arrive at 08:00", alice.QuietHours);
        Assert.Equal("20:00–08:00 in UTC (the company's; you have none set): direct messages decided then arrive at 08:00", bob.QuietHours);
        Assert.Equal([new ChannelSetting(ChatPlatform.Slack, "CSALES", "churn risk in EMEA"), new ChannelSetting(ChatPlatform.Teams, "19:ops@thread.tacv2", "stalled deals of at least $50,000")],
            alice.ChannelAlerts);
        Assert.Equal(2, alice.ChannelAlertsTotal);
        Assert.Equal([new ChannelSetting(ChatPlatform.Slack, "CSALES", "Sales digest every Monday at 08:30 (UTC), region EMEA"),
            new ChannelSetting(ChatPlatform.Slack, "CEXEC", "Executive digest on weekdays at 09:00 (UTC)")], alice.Digests);
        Assert.Equal(2, alice.DigestsTotal);
        Assert.All(bob.DirectMessages, d => Assert.False(d.Muted));

        // The same settings read in Spanish.
        var spanish = (await company.UseAsync<PersonalAlerts, AlertSettings?>(p => p.SettingsAsync(DeliveryCompany.Alice, "es", Ct)))!;
        Assert.Equal([("Mensajes directos de negocios estancados", "Reactivar"), ("Mensajes directos de riesgo de churn", "Silenciar"),
                ("Mensajes directos de oportunidades de ampliación", "Silenciar")],
            spanish.DirectMessages.Select(d => (d.Label, d.Toggle.Label)));
        Assert.Equal("20:00–08:00 en Europe/Madrid (tu zona horaria): los mensajes directos de esas horas llegan a las 08:00", spanish.QuietHours);
        Assert.Equal([new ChannelSetting(ChatPlatform.Slack, "CSALES", "riesgo de churn en EMEA"), new ChannelSetting(ChatPlatform.Teams, "19:ops@thread.tacv2", "negocios estancados de al menos 50.000\u00A0$")],
            spanish.ChannelAlerts);
        Assert.Equal([new ChannelSetting(ChatPlatform.Slack, "CSALES", "Resumen de ventas los lunes a las 08:30 (UTC), región EMEA"),
            new ChannelSetting(ChatPlatform.Slack, "CEXEC", "Resumen de dirección de lunes a viernes a las 09:00 (UTC)")], spanish.Digests);
        Assert.Equal(["CBOB"], bob.ChannelAlerts.Select(c => c.ChannelId));
        Assert.Equal(["CBOB"], bob.Digests.Select(c => c.ChannelId));
        Assert.Null(await SettingsAsync(company, "nobody@acme.test"));
    }

    [Fact]
    public async Task Past_five_the_lists_are_cut_and_counted()
    {
        await using var company = await DeliveryCompany.CreateAsync(DbProvider.Sqlite);
        await company.DbAsync(async db =>
        {
            for (var i = 0; i < 7; i++)
                db.AlertSubscriptions.Add(new AlertSubscription
                {
                    Platform = ChatPlatform.Slack, ChannelId = $"C{i}", Kinds = "churn_risk", CreatedByUserId = company.AliceId, CreatedAt = company.Time.GetUtcNow().UtcDateTime,
                });
            return await db.SaveChangesAsync();
        });

        var settings = (await SettingsAsync(company, DeliveryCompany.Alice))!;

        Assert.Equal(["C0", "C1", "C2", "C3", "C4"], settings.ChannelAlerts.Select(c => c.ChannelId));
        Assert.Equal(7, settings.ChannelAlertsTotal);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_mute_buttons_flip_the_persons_own_direct_messages_like_the_chat_command(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider);
        await SayAsync(company, "mute stalled alerts", DeliveryCompany.Alice);
        var toggles = (await SettingsAsync(company, DeliveryCompany.Alice))!.DirectMessages.Select(d => d.Toggle).ToList();

        var unmuted = await PressAsync(company, toggles[0], DeliveryCompany.Alice);
        var muted = await PressAsync(company, toggles[1], DeliveryCompany.Alice);
        var again = await PressAsync(company, toggles[1], DeliveryCompany.Alice);
        var bad = await PressAsync(company, toggles[1] with { Value = "everything" }, DeliveryCompany.Alice);
        var stranger = await PressAsync(company, toggles[0], "nobody@acme.test");

        Assert.Equal((ReplyKind.Card, "Unmuted: you'll get direct messages about stalled deals again."), (unmuted.Kind, unmuted.Notice));
        Assert.Equal((ReplyKind.Card, "Muted: you won't get direct messages about churn risk. Channels still get them."), (muted.Kind, muted.Notice));
        Assert.Equal(ReplyKind.Card, again.Kind);
        Assert.Equal((ReplyKind.Refused, ReplyKind.Refused), (bad.Kind, stranger.Kind));
        var mutes = await company.DbAsync(db => db.AlertMutes.AsNoTracking().ToListAsync());
        Assert.Equal([(company.AliceId, "churn_risk")], mutes.Select(m => (m.UserId, m.Kind)));
        // Expansion plays (the third kind) are on, and have their own toggle.
        Assert.Equal([false, true, false], (await SettingsAsync(company, DeliveryCompany.Alice))!.DirectMessages.Select(d => d.Muted));
    }

    /// <summary>
    /// Churn alerts as a scan stores them: Alice's Emea Corp (81, two reasons), Na Inc (62, snoozed until Jun 20), Acct 1-5
    /// (44-60) and Acct 6 (75, Bob is on it); Bob's own account; Carol, who owns none; and rows that must not show: a dismissed and a resolved
    /// alert on Alice's accounts, and a stalled-deal alert.
    /// </summary>
    private static Task SeedAtRiskAsync(DeliveryCompany company) => company.DbAsync(async db =>
    {
        var now = company.Time.GetUtcNow().UtcDateTime;
        db.Users.Add(new User { Email = Carol, Name = "Carol Clark" });
        for (var i = 1; i <= 6; i++) db.Accounts.Add(new Account { Id = $"acc-{i}", Name = $"Acct {i}", OwnerId = company.AliceId });
        db.Accounts.Add(new Account { Id = "acc-bob", Name = "Bob Co", OwnerId = company.BobId });
        db.Accounts.Add(new Account { Id = "acc-dismissed", Name = "Dismissed Ltd", OwnerId = company.AliceId });
        await db.SaveChangesAsync();
        Alert Churn(string account, string name, int score, string code, string reason, AlertState state = AlertState.Open, int? assigned = null) => new()
        {
            Kind = "churn_risk", SubjectId = account, SubjectName = name, ReasonCode = code, Reason = reason, Score = score, Recipients = DeliveryCompany.Alice,
            State = state, FirstSeenAt = now, LastSeenAt = now, NotifiedAt = now, ResolvedAt = state == AlertState.Resolved ? now : null,
            SnoozedUntil = state == AlertState.Snoozed ? now.AddDays(4) : null, AssignedUserId = assigned,
        };
        db.Alerts.AddRange(
            Churn("acc-emea", "Emea Corp", 81, "usage_drop", "usage down 43% in 30 days"),
            Churn("acc-emea", "Emea Corp", 81, "renewal", "renews in 41 days with no renewal deal open"),
            Churn("acc-emea", "Emea Corp", 81, "quiet", "no activity from the account team in 30 days", AlertState.Resolved),
            Churn("acc-na", "Na Inc", 62, "support", "2 urgent tickets open", AlertState.Snoozed),
            Churn("acc-bob", "Bob Co", 90, "usage_drop", "usage down 60% in 30 days"),
            Churn("acc-dismissed", "Dismissed Ltd", 99, "usage_drop", "usage down 70% in 30 days", AlertState.Dismissed),
            new Alert
            {
                Kind = "stalled_deal", SubjectId = "emea-big", SubjectName = "emea-big", ReasonCode = "no_activity", Reason = "no activity for 30 days",
                Recipients = DeliveryCompany.Alice, FirstSeenAt = now, LastSeenAt = now,
            });
        for (var i = 1; i <= 5; i++) db.Alerts.Add(Churn($"acc-{i}", $"Acct {i}", 40 + i * 4, "quiet", "no activity from the account team in 30 days"));
        db.Alerts.Add(Churn("acc-6", "Acct 6", 75, "contraction", "MRR down 40% in 90 days", assigned: company.BobId));
        return await db.SaveChangesAsync();
    });

    private static DigestSubscription Digest(string channel, string kind, string cron, string createdBy, string? region = null, bool active = true) => new()
    {
        Platform = ChatPlatform.Slack, ChannelId = channel, Kind = kind, Cron = cron, TimeZone = "UTC", Region = region, CreatedBy = createdBy, Active = active,
        CreatedAt = Created, UpdatedAt = Created,
    };

    private static readonly DateTime Created = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Task<AtRiskAccounts?> AtRiskAsync(DeliveryCompany company, string email, int take) =>
        company.UseAsync<PersonalAlerts, AtRiskAccounts?>(p => p.AtRiskAsync(email, take, Ct));

    private static Task<AlertSettings?> SettingsAsync(DeliveryCompany company, string email) =>
        company.UseAsync<PersonalAlerts, AlertSettings?>(p => p.SettingsAsync(email, Ct));

    /// <summary>A turn in a channel (as the adapter names it) or, without one, a DM.</summary>
    private static Task<Answer> SayAsync(DeliveryCompany company, string text, string email, ChannelTarget? channel = null) =>
        company.UseAsync<AskService, Answer>(a => a.AskAsync(new AskRequest(text, email, null, channel is null ? "slack:T1:DALICE" : $"{channel}")
        {
            Channel = channel,
        }, Ct));

    private static Task<Reply> PressAsync(DeliveryCompany company, ReplyAction action, string email) =>
        company.UseAsync<InteractionService, Reply>(s => s.PressAsync(new CardPress(action.Id, action.Value, null, email, ChangeChannel.Slack), Ct));
}
