using System.Text.Json;

namespace RevBot.Teams.Protocol.Activities;

/// <summary>The Action.Execute in an invoke: <see cref="Verb"/> names it, <see cref="Data"/> is its data merged with the inputs.</summary>
public sealed record AdaptiveCardInvokeAction
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public string? Verb { get; init; }
    public JsonElement? Data { get; init; }
}
