using Microsoft.EntityFrameworkCore;
using RevBot.Core.Alerts.Personal;
using RevBot.Core.Alerts.Subscriptions;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Interactions;
using RevBot.Core.Localization;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.Tests.Alerts.Delivery;

namespace RevBot.Tests.People;

/// <summary>
/// A person's language: set by "speak Spanish" (stored in <c>users.language</c>), resolved in one place
/// (<see cref="PersonLanguage"/>), and honoured where no question is behind a message: a press on a button whose card
/// carries no language, and "alert subscription turned off" to its creator.
/// </summary>
public sealed class PersonLanguageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_setting_wins_then_the_turns_locale_then_the_stored_one_then_english()
    {
        Assert.Equal("en", PersonLanguage.Resolve(null, null));
        Assert.Equal("es", PersonLanguage.Resolve(null, "es-ES"));
        Assert.Equal("es", PersonLanguage.Resolve(null, "es_419"));
        Assert.Equal("en", PersonLanguage.Resolve("en", "es-ES"));
        // A setting RevBot has no texts for (left by a catalog since removed) falls to the locale.
        Assert.Equal("es", PersonLanguage.Resolve("fr", "es-MX"));
        Assert.Equal("en", PersonLanguage.Resolve(null, "fr-FR"));
        // Known: null when RevBot knows nothing of the person, so the card's or channel's language still applies.
        Assert.Null(PersonLanguage.Known(null, ""));
        Assert.Equal("en", PersonLanguage.Known(null, "fr-FR"));
        Assert.Equal("es", PersonLanguage.Known("es", null));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Speak_spanish_is_stored_answered_in_spanish_and_honoured_by_presses_and_the_subscription_turned_off_message(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider, AlertDeliveryTests.OneRule);

        var set = await SayAsync(company, "háblame en español", DeliveryCompany.Bob);

        Assert.Equal((true, "language", "es", "Idioma"), (set.Understood, set.Intent, set.Language, set.Reply.Title));
        Assert.StartsWith("A partir de ahora te escribo en español", set.Text, StringComparison.Ordinal);
        Assert.Equal(["alice@acme.test=", "bob@acme.test=es"], await LanguagesAsync(company));

        // A Slack press brings no locale: the mute toggle (a card with no language of its own) answers in Bob's.
        var toggle = (await company.UseAsync<PersonalAlerts, AlertSettings?>(p => p.SettingsAsync(DeliveryCompany.Bob, "es", Ct)))!.DirectMessages[0].Toggle;
        var muted = await PressAsync(company, new CardPress(toggle.Id, toggle.Value, null, DeliveryCompany.Bob, ChangeChannel.Slack));
        Assert.Equal("Silenciado: no recibirás mensajes directos de negocios estancados. Los canales los siguen recibiendo.", muted.Notice);
        // The platform's language for the presser, when it says one (Teams' locale), still decides.
        var unmuted = await PressAsync(company, new CardPress(AlertActionIdsUnmute, toggle.Value, null, DeliveryCompany.Bob, ChangeChannel.Teams, "en"));
        Assert.Equal("Unmuted: you'll get direct messages about stalled deals again.", unmuted.Notice);

        // Nobody asked for "alert subscription turned off": it goes to its creator (Bob) in his language.
        await company.SubscribeAsync("CGONE", "stalled_deal");
        await company.ScanAsync();
        var posted = (await company.OutboxAsync()).First(m => m.ChannelId == "CGONE");
        await company.UseAsync<IEnumerable<IOutboxGoneHandler>, int>(async handlers =>
        {
            await handlers.OfType<AlertGoneHandler>().Single().OnGoneAsync(posted, Ct);
            return 0;
        });
        var told = DeliveryCompany.Payload((await company.OutboxAsync()).Last());
        Assert.Equal("Suscripción de alertas desactivada", told.Title);
        Assert.Contains("(negocios estancados) está desactivada", told.Text, StringComparison.Ordinal);

        // "answer in English" switches back, answered in English; an English question is answered in English either way.
        var back = await SayAsync(company, "answer in English", DeliveryCompany.Bob);
        Assert.Equal(("en", "Language"), (back.Language, back.Reply.Title));
        Assert.Equal(["alice@acme.test=", "bob@acme.test=en"], await LanguagesAsync(company));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Someone_revbot_does_not_know_or_a_language_it_has_no_texts_for_is_told_why_and_nothing_is_stored(DbProvider provider)
    {
        await using var company = await DeliveryCompany.CreateAsync(provider);

        var stranger = await SayAsync(company, "speak Spanish", "nobody@acme.test");
        var anonymous = await SayAsync(company, "habla en inglés", null);
        var klingon = await SayAsync(company, "speak Klingon", DeliveryCompany.Alice);

        Assert.Equal((false, "en", "I don't know who you are"), (stranger.Understood, stranger.Language, stranger.Reply.Title));
        Assert.Equal((false, "es", "No sé quién eres"), (anonymous.Understood, anonymous.Language, anonymous.Reply.Title));
        Assert.Equal((false, "I can write in these languages: English, español."), (klingon.Understood, klingon.Text));
        Assert.Equal(["alice@acme.test=", "bob@acme.test="], await LanguagesAsync(company));
    }

    private const string AlertActionIdsUnmute = Core.Alerts.Actions.AlertActionIds.Unmute;

    private static Task<Answer> SayAsync(DeliveryCompany company, string text, string? email) =>
        company.UseAsync<AskService, Answer>(a => a.AskAsync(new AskRequest(text, email), Ct));

    private static Task<Reply> PressAsync(DeliveryCompany company, CardPress press) =>
        company.UseAsync<InteractionService, Reply>(s => s.PressAsync(press, Ct));

    /// <summary>"email=language" for every user, the language empty when none is stored.</summary>
    private static Task<List<string>> LanguagesAsync(DeliveryCompany company) => company.DbAsync(async db =>
        (await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Email, u.Language }).ToListAsync(Ct)).Select(u => $"{u.Email}={u.Language}").ToList());
}
