using System.Text.Json;
using RevBot.Core.Localization;
using RevBot.Teams.App.Rendering;
using RevBot.Teams.Protocol.Activities;
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Teams.App.Conversations;

/// <summary>
/// The adapter's "confirm" verb: a button that asks first (Mark won, a push) answers with the confirmation card in
/// place of the original (<see cref="ConfirmCard"/>). Nothing is read or changed until the person confirms there.
/// </summary>
internal static class TeamsConfirmVerb
{
    public static TeamsCardVerb Verb { get; } = new(ConfirmCard.Verb, InvokeAsync);

    private static Task<InvokeResponse> InvokeAsync(IServiceProvider services, BotActivity activity, JsonElement? data, CancellationToken ct) =>
        Task.FromResult(InvokeResponse.ForCardAction(ConfirmCard.Render(data) is { } card
            ? AdaptiveCardInvokeResponse.Card(card)
            : AdaptiveCardInvokeResponse.Error(400, "BadRequest", Texts.Get(TeamsResponder.Language(activity), nameof(Catalog.TeamsButtonNoQuestion)))));
}
