namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>
/// Block Kit wants action ids unique within a block, but a reply may carry several "ask" buttons. Repeated ids get a
/// <c>:n</c> suffix (<c>ask:1</c>, <c>ask:2</c>); <see cref="BaseId"/> recovers the <see cref="Core.Replies.ReplyAction.Id"/>.
/// </summary>
public static class SlackActionIds
{
    public const string Share = "share";

    /// <summary>A row's "…" menu: each option's value is "&lt;action id&gt; &lt;value&gt;" (<see cref="MenuOption"/>), read back by <see cref="FromMenu"/>.</summary>
    public const string Menu = "menu";

    public static string MenuOption(string id, string value) => id + " " + value;

    /// <summary>The action id and value a chosen menu option stands for; null for a value not made by <see cref="MenuOption"/>.</summary>
    public static (string Id, string Value)? FromMenu(string? option)
    {
        var space = option?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        return space > 0 ? (option![..space], option[(space + 1)..]) : null;
    }

    public static IReadOnlyList<string> Compose(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var counts = ids.GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. ids.Select(id =>
        {
            var n = seen[id] = seen.GetValueOrDefault(id) + 1;
            var suffix = counts[id] > 1 ? $":{n}" : "";
            return id[..Math.Min(id.Length, BlockKitLimits.ActionId - suffix.Length)] + suffix;
        })];
    }

    /// <summary>"ask:2" → "ask"; ids without a numeric suffix come back unchanged.</summary>
    public static string BaseId(string actionId)
    {
        ArgumentNullException.ThrowIfNull(actionId);
        var colon = actionId.LastIndexOf(':');
        return colon > 0 && colon < actionId.Length - 1 && actionId.AsSpan(colon + 1).ContainsAnyExceptInRange('0', '9') is false
            ? actionId[..colon]
            : actionId;
    }
}
