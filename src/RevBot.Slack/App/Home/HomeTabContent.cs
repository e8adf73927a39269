using RevBot.Core.Alerts.Personal;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Localization;

namespace RevBot.Slack.App.Home;

/// <summary>
/// What a mapped user's Home tab shows, as Core gave it: their pipeline and deals closing this month (answers asked as
/// them), their at-risk accounts and their alert settings (null when Core no longer knows the user), and
/// <see cref="Notice"/>, what their last button press did ("Muted: …"). <see cref="Language"/> is the person's
/// (<c>PersonLanguage</c>): the tab's own words are written in it.
/// </summary>
public sealed record HomeTabContent(Answer Pipeline, Answer Closing, AtRiskAccounts? AtRisk, AlertSettings? Settings)
{
    public string? Notice { get; init; }

    public string Language { get; init; } = Texts.Neutral;
}
