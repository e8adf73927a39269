using System.Globalization;

namespace RevBot.Core.Alerts.Actions;

/// <summary>
/// A button on a grouped alert message ("g1|c|es|12|2s|2s,2t,30"): who the message is for (<see cref="Audience"/>, so
/// a redraw keeps its title), its language, how many alerts it counted, the alert the button acts on (<c>*</c>: every
/// one the message lists) and one alert id per row it lists, in base 36. A press acts on the one (or all), then redraws
/// every row with its new state and its own buttons. It must fit a Slack menu option (150 characters with the action
/// id): <see cref="Fits"/> says how many rows can carry one.
/// </summary>
public sealed record AlertGroupValue(AlertAudience Audience, string Language, int Total, long? Target, IReadOnlyList<long> Ids)
{
    private const string Prefix = "g1|";

    /// <summary>Room for the value in a Slack menu option, after the longest alert action id and a space.</summary>
    public const int MaxLength = 150 - 14;

    public string Encode() => string.Join('|', Prefix[..^1], Audience == AlertAudience.Person ? "p" : "c", Language,
        Total.ToString(CultureInfo.InvariantCulture), Target is { } t ? Base36(t) : "*", string.Join(',', Ids.Select(Base36)));

    /// <summary>How many of <paramref name="ids"/> (in order) one value can list and still fit.</summary>
    public static int Fits(IReadOnlyList<long> ids, string language, int total) =>
        Fits(ids, language, total, ids?.DefaultIfEmpty().Max() ?? throw new ArgumentNullException(nameof(ids)));

    /// <summary>The same when <paramref name="ids"/> are only the first of the group's and <paramref name="maxId"/> the largest of all.</summary>
    public static int Fits(IReadOnlyList<long> ids, string language, int total, long maxId)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var room = MaxLength - new AlertGroupValue(AlertAudience.Person, language, total, null, []).Encode().Length;
        var longest = ids.Count == 0 ? 0 : Base36(maxId).Length;
        var n = 0;
        for (var used = 0; n < ids.Count; n++)
        {
            used += Base36(ids[n]).Length + (n == 0 ? 0 : 1);
            // The target is one of the listed ids (at most the longest), written once more.
            if (used + longest - 1 > room) break;
        }
        return n;
    }

    public static bool TryDecode(string? value, out AlertGroupValue group)
    {
        group = null!;
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal) || value.Length > MaxLength) return false;
        var parts = value.Split('|');
        if (parts.Length != 6 || parts[1] is not ("p" or "c") || parts[2].Length is 0 or > 16) return false;
        if (!int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var total)) return false;
        long? target = null;
        if (parts[4] != "*") { if (!TryBase36(parts[4], out var t)) return false; target = t; }
        var ids = new List<long>();
        foreach (var part in parts[5].Split(','))
        {
            if (!TryBase36(part, out var id)) return false;
            ids.Add(id);
        }
        if (target is { } one && !ids.Contains(one)) return false;
        group = new AlertGroupValue(parts[1] == "p" ? AlertAudience.Person : AlertAudience.Channel, parts[2], total, target, ids);
        return true;
    }

    private static string Base36(long n)
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        if (n == 0) return "0";
        var chars = new Stack<char>();
        for (; n > 0; n /= 36) chars.Push(Digits[(int)(n % 36)]);
        return new string([.. chars]);
    }

    private static bool TryBase36(string text, out long n)
    {
        n = 0;
        if (text.Length is 0 or > 12) return false;
        foreach (var c in text)
        {
            var d = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'z' ? c - 'a' + 10 : -1;
            if (d < 0) return false;
            n = (n * 36) + d;
        }
        return true;
    }
}
