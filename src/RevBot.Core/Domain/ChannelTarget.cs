
namespace RevBot.Core.Domain;

/// <summary>A chat channel written as "slack:C0123ABCD" or "teams:19:abc…@thread.tacv2": the platform and its channel id.</summary>
public sealed record ChannelTarget(ChatPlatform Platform, string ChannelId)
{
    public static bool TryParse(string? text, out ChannelTarget target)
    {
        target = new ChannelTarget(default, "");
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0) return false;
        var id = text[(colon + 1)..].Trim();
        if (!EnumText.TryParse<ChatPlatform>(text[..colon], out var platform) || id.Length is 0 or > 300 || id.Any(char.IsWhiteSpace)) return false;
        target = new ChannelTarget(platform, id);
        return true;
    }

    public override string ToString() => $"{EnumText.Format(Platform)}:{ChannelId}";
}
