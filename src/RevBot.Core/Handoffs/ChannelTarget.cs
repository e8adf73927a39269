namespace RevBot.Core.Handoffs;

/// <summary>A chat channel written as "slack:C0123ABCD" or "teams:19:abc…@thread.tacv2": the platform and its channel id.</summary>
public sealed record ChannelTarget(string Platform, string ChannelId)
{
    public static readonly IReadOnlyList<string> Platforms = ["slack", "teams"];

    public static bool TryParse(string? text, out ChannelTarget target)
    {
        target = new ChannelTarget("", "");
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0) return false;
        var platform = text[..colon].Trim().ToLowerInvariant();
        var id = text[(colon + 1)..].Trim();
        if (!Platforms.Contains(platform) || id.Length is 0 or > 300 || id.Any(char.IsWhiteSpace)) return false;
        target = new ChannelTarget(platform, id);
        return true;
    }

    public override string ToString() => $"{Platform}:{ChannelId}";
}
