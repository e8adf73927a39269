using RevBot.Core.Replies;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Teams.App.Rendering;

/// <summary>Shown when RevBot is installed (personal chat, team or group chat): what it does, and questions to try as buttons.</summary>
public static class WelcomeCard
{
    /// <summary>The verb of "ask this question" buttons; the same id Core uses for its ask actions.</summary>
    public const string AskVerb = "ask";

    public static IReadOnlyList<string> DefaultExamples { get; } =
    [
        "What's our win rate this quarter?",
        "Pipeline by stage",
        "Which deals are stalled?",
        "ARR and NRR last month",
        "Which accounts are at risk of churning?",
    ];

    public static AdaptiveCard Create(IReadOnlyList<string>? examples = null, bool inChannel = false)
    {
        var questions = examples is { Count: > 0 } ? examples : DefaultExamples;
        return new AdaptiveCard
        {
            Body =
            [
                new TextBlock { Text = "Hi, I'm RevBot", Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock
                {
                    Text = "Ask me for the revenue numbers that matter (win rate, bookings, pipeline, ARR, NRR, churn, CAC, LTV) "
                        + "in plain English or Spanish. I also warn about churn risk and stalled deals, and can update deals from chat.",
                    Wrap = true,
                },
                new TextBlock { Text = "Try one of these:", Wrap = true, Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
                new TextBlock
                {
                    Text = inChannel ? "In a channel, @mention me with your question. Type help for more." : "Type a question, or help for more.",
                    Size = TextSize.Small, IsSubtle = true, Wrap = true, Spacing = Spacing.Small,
                },
            ],
            Actions = [.. questions.Take(ReplyCardRenderer.MaxActions).Select(q => ReplyCardRenderer.ToAction(new ReplyAction(AskVerb, q, q)))],
            FallbackText = "Hi, I'm RevBot: ask me for your revenue numbers.",
        };
    }
}
