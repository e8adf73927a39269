using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Localization;
using RevBot.Teams.App.Rendering;
using RevBot.Teams.Protocol.Activities;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Teams.App.Conversations;

/// <summary>
/// The adapter's "ask" verb (the welcome card's questions and Core's follow-up buttons): the button's question is
/// asked as the presser and answered in a new message (<see cref="TeamsDrilldowns"/>); the card pressed stays as it was.
/// </summary>
internal static class TeamsAskVerb
{
    public static TeamsCardVerb Verb { get; } = new(WelcomeCard.AskVerb, InvokeAsync);

    private static async Task<InvokeResponse> InvokeAsync(IServiceProvider services, BotActivity activity, JsonElement? data, CancellationToken ct)
    {
        var question = QuestionOf(data);
        if (string.IsNullOrWhiteSpace(question))
            return InvokeResponse.ForCardAction(AdaptiveCardInvokeResponse.Error(400, "BadRequest", Texts.Get(TeamsResponder.Language(activity), nameof(Catalog.TeamsButtonNoQuestion))));

        return await services.GetRequiredService<TeamsDrilldowns>().PostAsync(activity, "answering a button's question",
            (responder, token) => responder.AnswerButtonAsync(activity, question, token), ct);
    }

    /// <summary>The question (or value) a rendered action carries in its data, or null.</summary>
    public static string? QuestionOf(JsonElement? data) =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty(ReplyCardRenderer.ValueKey, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;
}
