using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RevBot.Core.Alerts.Personal;
using RevBot.Core.Answers;
using RevBot.Core.Company;
using RevBot.Core.Conversation;
using RevBot.Core.Deals;
using RevBot.Core.Digests;
using RevBot.Core.Domain;
using RevBot.Core.Handoffs;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;
using RevBot.Core.Replies;
using RevBot.Core.Storage;
using RevBot.Slack.App.Home;

namespace RevBot.IntegrationTests.Screenshots;

/// <summary>
/// Every card kind issue 19 names, built by RevBot's own code from the seeded demo company, in English and Spanish: the
/// answers come from <see cref="AskService"/>, the deal card, form, hand-off and digests from Core's composers, and each
/// reply goes through the Teams and the Slack renderer (<see cref="CardScreenshotRenders"/>).
/// </summary>
internal static class CardScreenshotCases
{
    /// <summary>The questions behind the answer kinds, as a person types them in each language.</summary>
    private static readonly (string Kind, string En, string Es)[] Questions =
    [
        ("answer", "what's our win rate this quarter?", "¿cuál es nuestra tasa de cierre este trimestre?"),
        ("list", "top 10 open deals", "los 10 mayores negocios abiertos"),
        ("breakdown", "win rate by region this year", "tasa de cierre por región este año"),
        ("chart", "chart bookings by month", "gráfico de ventas por mes"),
    ];

    public static readonly string[] Languages = ["en", "es"];

    public static async Task<List<ScreenshotCard>> BuildAsync(IServiceProvider services, string imageFolder, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<RevBotDb>();
        var ask = sp.GetRequiredService<AskService>();
        var company = sp.GetRequiredService<IOptions<CompanyOptions>>().Value;
        var clock = sp.GetRequiredService<CompanyClock>();
        var render = new CardScreenshotRenders(imageFolder);
        var open = await db.Deals.AsNoTracking().Where(d => d.Status == DealStatus.Open && d.AccountId != null && d.OwnerId != null)
            .OrderByDescending(d => d.Amount).FirstAsync(ct);
        var won = await db.Deals.AsNoTracking().Where(d => d.Status == DealStatus.Won && d.AccountId != null).OrderByDescending(d => d.Amount).FirstAsync(ct);
        var rep = await db.Users.AsNoTracking().Where(u => u.Role == UserRole.Rep && db.Deals.Any(d => d.OwnerId == u.Id && d.Status == DealStatus.Open))
            .OrderBy(u => u.Email).Select(u => u.Email).FirstAsync(ct);

        var cards = new List<ScreenshotCard>();
        foreach (var language in Languages)
        {
            foreach (var (kind, en, es) in Questions)
                cards.AddRange(render.Answer(kind, language, await ask.AskAsync(new AskRequest(language == "es" ? es : en), ct)));

            var deal = await sp.GetRequiredService<DealCards>().CardAsync(open.Id, null, language, ct);
            cards.AddRange(render.Reply("deal", language, deal!));
            cards.AddRange(render.Form("form", language, FormWithErrors(open, company, language)));
            cards.AddRange(render.Reply("handoff", language, HandoffComposer.Won(await HandoffDeal.LoadAsync(db, won, ct), language)));
            foreach (var kind in Enum.GetValues<DigestKind>())
            {
                var digest = await sp.GetRequiredService<DigestBuilder>().BuildAsync(new DigestRequest(kind, clock.Today, MetricQuery.NoFilters, language), ct: ct);
                cards.AddRange(render.Digest($"digest-{DigestKinds.Name(kind)}", language, digest));
            }
            cards.Add(await HomeAsync(sp, ask, rep, language, ct));
            cards.AddRange(CardScreenshotRenders.Fixed(language));
        }
        return cards;
    }

    /// <summary>The update form as it comes back after "-5" was typed as the amount: the field's own message on it.</summary>
    private static ReplyForm FormWithErrors(Deal deal, CompanyOptions company, string language)
    {
        var form = DealForms.Update(deal, company, new ReplyFormState(deal.Id, deal.Version, "screenshot", language), language);
        DealInput.TryAmount("-5", language, out _, out var error);
        return DealForms.WithErrors(form, new Dictionary<string, string?> { [DealFields.Amount] = "-5" },
            new Dictionary<string, string> { [DealFields.Amount] = error }, Texts.Get(language, nameof(Catalog.DealFormFixFields)), language);
    }

    /// <summary>A rep's Slack Home tab, built as the publisher builds it (their pipeline, deals closing, accounts at risk, settings).</summary>
    private static async Task<ScreenshotCard> HomeAsync(IServiceProvider sp, AskService ask, string email, string language, CancellationToken ct)
    {
        var alerts = sp.GetRequiredService<PersonalAlerts>();
        var pipeline = await ask.AskAsync(new AskRequest(Texts.Get(language, nameof(Catalog.HomePipelineQuestion)), email), ct);
        var closing = await ask.AskAsync(new AskRequest(Texts.Get(language, nameof(Catalog.HomeClosingQuestion)), email), ct);
        var content = new HomeTabContent(pipeline, closing, await alerts.AtRiskAsync(email, HomeTabRenderer.AtRiskShown, language, ct),
            await alerts.SettingsAsync(email, language, ct))
        { Language = language };
        return ScreenshotCard.Slack("home", language, HomeTabRenderer.Render(content));
    }
}
