using Microsoft.Extensions.Logging;
using RevBot.Core.Alerts.Personal;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Localization;
using RevBot.Slack.App.Conversations;
using RevBot.Slack.Protocol.BlockKit;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack.App.Home;

/// <summary>
/// The App Home tab: the user's own pipeline and their open deals closing this month (asked of Core as that user, in
/// their language), their at-risk accounts and their alert and digest settings (Core's <see cref="PersonalAlerts"/>).
/// Published when the tab is opened and again after a button on it is pressed, with what the press did on top. A Slack
/// user RevBot cannot map gets a view explaining how to get mapped. No question comes with the tab, so every word is in
/// the person's language (<see cref="SlackUserDirectory.PersonAsync"/>: their setting, else their Slack locale).
/// </summary>
internal sealed partial class SlackHomePublisher(SlackUserDirectory users, AskService ask, PersonalAlerts alerts, SlackApiClient slack, ILogger<SlackHomePublisher> log)
{
    public Task PublishAsync(string slackUserId, CancellationToken ct) => PublishAsync(slackUserId, null, ct);

    /// <param name="notice">What the user's last press on the tab did ("Muted: …"), shown at the top; null for none.</param>
    public async Task PublishAsync(string slackUserId, string? notice, CancellationToken ct)
    {
        var person = await users.PersonAsync(slackUserId, ct);
        var view = person.Email is { } email ? await MineAsync(email, person.Language, notice, ct) : Unmapped(person.Language);
        var published = await slack.PublishViewAsync(new PublishViewRequest(slackUserId, view), ct);
        if (!published.Ok) LogPublishFailed(log, published.Error.ToString());
    }

    private async Task<HomeView> MineAsync(string email, string language, string? notice, CancellationToken ct)
    {
        var pipeline = await ask.AskAsync(new AskRequest(Texts.Get(language, nameof(Catalog.HomePipelineQuestion)), email), ct);
        var closing = await ask.AskAsync(new AskRequest(Texts.Get(language, nameof(Catalog.HomeClosingQuestion)), email), ct);
        var atRisk = await alerts.AtRiskAsync(email, HomeTabRenderer.AtRiskShown, language, ct);
        var settings = await alerts.SettingsAsync(email, language, ct);
        return HomeTabRenderer.Render(new HomeTabContent(pipeline, closing, atRisk, settings) { Notice = notice, Language = language });
    }

    internal static HomeView Unmapped(string language) => new([
        new HeaderBlock(new PlainText(Texts.Get(language, nameof(Catalog.HomeWelcomeTitle)))),
        new SectionBlock(new MrkdwnText(Texts.Get(language, nameof(Catalog.HomeUnmapped)))),
        new SectionBlock(new MrkdwnText(Texts.Get(language, nameof(Catalog.HomeUnmappedMeanwhile)))),
    ]);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing the Slack Home tab failed: {Error}.")]
    private static partial void LogPublishFailed(ILogger logger, string error);
}
