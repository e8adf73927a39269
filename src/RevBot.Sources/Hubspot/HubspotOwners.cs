using static RevBot.Sources.Hubspot.HubspotJson;

namespace RevBot.Sources.Hubspot;

/// <summary>
/// HubSpot's owners (GET crm/v3/owners), read whole: RevBot names people by email, so owner ids become emails. Owners
/// are not written as users.csv rows: a row is the whole user, and would clear the role, manager, time zone and chat
/// ids that RevBot keeps and HubSpot does not have. An owner's email referenced by a record creates the user if new.
/// </summary>
internal sealed class HubspotOwners
{
    public Dictionary<string, string> Emails { get; } = new(StringComparer.Ordinal);

    public static async Task<HubspotOwners> ReadAsync(HubspotApi api, CancellationToken ct)
    {
        var owners = new HubspotOwners();
        string? after = null;
        do
        {
            var answer = await api.GetAsync("crm/v3/owners?limit=100" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after)), ct);
            foreach (var owner in Array(answer, "results"))
                if (Str(owner, "email") is { Length: > 0 } email && email.Contains('@', StringComparison.Ordinal)) owners.Emails[Id(owner)] = email;
            after = NextAfter(answer);
        }
        while (after is not null);
        return owners;
    }
}
