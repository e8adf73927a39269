using System.Diagnostics.CodeAnalysis;
using RevBot.Core.Domain;

namespace RevBot.Core.Sources;

/// <summary>
/// The ids of synced records: the system's own id behind its name, "hubspot:1234", "salesforce:006Ab…",
/// "stripe:sub_1N…". A record's canonical id says where it came from, so two systems can never collide, the importer's
/// upsert by id is the sync's upsert by the source's id, and write-back knows which CRM to write to. Rows imported from
/// CSV keep their ids as given: they belong to no system and are never written back.
/// </summary>
public static class SourceIds
{
    public static string Of(SourceSystem system, string externalId) => $"{EnumText.Format(system)}:{externalId}";

    /// <summary>The system and its own id of a canonical id; false for an id no sync made.</summary>
    public static bool TryParse([NotNullWhen(true)] string? id, out SourceSystem system, [NotNullWhen(true)] out string? externalId)
    {
        system = default;
        externalId = null;
        var colon = id?.IndexOf(':') ?? -1;
        if (colon <= 0 || colon == id!.Length - 1 || !EnumText.TryParse(id[..colon], out system)) return false;
        // EnumText forgives case and dashes; an id is only ours when spelled exactly as Of spells it.
        if (!string.Equals(EnumText.Format(system), id[..colon], StringComparison.Ordinal)) return false;
        externalId = id[(colon + 1)..];
        return true;
    }
}
