using System.Globalization;
using RevBot.Core.Localization;

namespace RevBot.Core.Deals.WriteBack;

/// <summary>
/// A field error RevBot gives itself instead of the CRM (a field the org has no place for). The writer does not know
/// who will read it, so it travels (and is stored with the write) as a catalog key behind a marker, and is read in the
/// reader's language when told. The CRM's own messages pass through unchanged: they are the CRM's words.
/// </summary>
public static class CrmOwnError
{
    private const string Marker = "revbot-text:";

    /// <summary>The error for the catalog key <paramref name="key"/> (<c>nameof(Catalog.…)</c>).</summary>
    public static string Of(string key) => Marker + key;

    /// <summary>RevBot's own error in <paramref name="language"/>; a CRM's message as it is.</summary>
    public static string Read(string message, string language)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.StartsWith(Marker, StringComparison.Ordinal)) return message;
        var key = message[Marker.Length..];
        // A CRM message that merely starts like the marker is shown as it came.
        return Catalog.ResourceManager.GetString(key, CultureInfo.InvariantCulture) is null ? message : Texts.Get(language, key);
    }
}
