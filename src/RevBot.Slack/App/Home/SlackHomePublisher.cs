using Microsoft.Extensions.Logging;
using RevBot.Core.Alerts.Personal;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Slack.App.Conversations;
using RevBot.Slack.Protocol.BlockKit;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Slack.App.Home;

/// <summary>
/// The App Home tab: the user's own pipeline and their open deals closing this month (asked of Core as that user), their
/// at-risk accounts and their alert and digest settings (Core's <see cref="PersonalAlerts"/>). Published when the tab is
/// opened and again after a button on it is pressed, with what the press did on top. A Slack user RevBot cannot map
/// gets a view explaining how to get mapped.
/// </summary>
internal sealed partial class SlackHomePublisher(SlackUserDirectory users, AskService ask, PersonalAlerts alerts, SlackApiClient slack, ILogger<SlackHomePublisher> log)
{
    public const string PipelineQuestion = "my pipeline";
    public const string ClosingQuestion = "my open deals closing this month";

    public Task PublishAsync(string slackUserId, CancellationToken ct) => PublishAsync(slackUserId, null, ct);

    /// <param name="notice">What the user's last press on the tab did ("Muted: …"), shown at the top; null for none.</param>
    public async Task PublishAsync(string slackUserId, string? notice, CancellationToken ct)
    {
        var email = await users.EmailForAsync(slackUserId, ct);
        var view = email is null ? Unmapped() : await MineAsync(email, notice, ct);
        var published = await slack.PublishViewAsync(new PublishViewRequest(slackUserId, view), ct);
        if (!published.Ok) LogPublishFailed(log, published.Error.ToString());
    }

    private async Task<HomeView> MineAsync(string email, string? notice, CancellationToken ct)
    {
        var pipeline = await ask.AskAsync(new AskRequest(PipelineQuestion, email), ct);
        var closing = await ask.AskAsync(new AskRequest(ClosingQuestion, email), ct);
        var atRisk = await alerts.AtRiskAsync(email, HomeTabRenderer.AtRiskShown, ct);
        var settings = await alerts.SettingsAsync(email, ct);
        return HomeTabRenderer.Render(new HomeTabContent(pipeline, closing, atRisk, settings) { Notice = notice });
    }

    private static HomeView Unmapped() => new([
        new HeaderBlock(new PlainText("Welcome to RevBot")),
        new SectionBlock(new MrkdwnText(
            "I couldn't match your Slack account to a RevBot user, so I can't show *your* pipeline here yet. " +
            "Ask your RevOps admin to add you to RevBot with the email on your Slack profile; I'll recognise you next time.")),
        new SectionBlock(new MrkdwnText(
            "Meanwhile you can ask about the whole company: mention me in a channel, send me a DM, or type `/revbot help`.")),
    ]);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing the Slack Home tab failed: {Error}.")]
    private static partial void LogPublishFailed(ILogger logger, string error);
}
