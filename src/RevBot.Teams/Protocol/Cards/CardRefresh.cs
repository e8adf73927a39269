namespace RevBot.Teams.Protocol.Cards;

/// <summary>
/// Universal Actions' <c>refresh</c>: when one of <see cref="UserIds"/> (at most 60; Teams "29:" ids or Entra object ids)
/// opens the card, Teams invokes <see cref="Action"/> automatically so the bot can return an up-to-date, per-user card.
/// </summary>
public sealed class CardRefresh
{
    public const int MaxUserIds = 60;

    public CardRefresh(ExecuteAction action, IReadOnlyList<string>? userIds = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (userIds is { Count: > MaxUserIds }) throw new ArgumentException($"Teams refreshes cards automatically for at most {MaxUserIds} users.", nameof(userIds));
        Action = action;
        UserIds = userIds;
    }

    /// <summary>Typed as the base so the JSON carries <c>"type": "Action.Execute"</c>.</summary>
    public CardAction Action { get; }
    public IReadOnlyList<string>? UserIds { get; }
}
