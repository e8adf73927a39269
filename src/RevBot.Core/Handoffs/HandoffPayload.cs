using System.Text.Json;
using System.Text.Json.Serialization;
using RevBot.Core.Replies;

namespace RevBot.Core.Handoffs;

/// <summary>
/// The JSON stored in <c>outbox_messages.payload</c>: platform-neutral, so the dispatcher renders it with the same
/// Slack/Teams renderers as any reply (<see cref="ToReply"/>). Fields are stable; new ones are only ever added.
/// </summary>
public sealed record HandoffPayload
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>"handoff.won" or "feedback.pricing" (as <c>outbox_messages.kind</c>).</summary>
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public required string Text { get; init; }
    public required string DealId { get; init; }
    public string? DealName { get; init; }
    public string? Account { get; init; }
    public decimal Amount { get; init; }
    public required string Currency { get; init; }
    public IReadOnlyList<string> Products { get; init; } = [];
    public string? Owner { get; init; }
    public string? NextStep { get; init; }
    public string? LossReason { get; init; }
    public IReadOnlyList<ReplyFact> Facts { get; init; } = [];

    /// <summary>For a won deal: "Claim onboarding" (<c>handoff.claim</c>, value = the deal id).</summary>
    public IReadOnlyList<ReplyAction> Actions { get; init; } = [];

    public Reply ToReply() => new() { Kind = ReplyKind.Card, Title = Title, Text = Text, Facts = Facts, Actions = Actions };

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static HandoffPayload? Deserialize(string json) => JsonSerializer.Deserialize<HandoffPayload>(json, Json);
}
