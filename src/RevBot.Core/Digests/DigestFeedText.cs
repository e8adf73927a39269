namespace RevBot.Core.Digests;

/// <summary>Titles and empty-state sentences of the fed sections (<see cref="IDigestFeed"/>).</summary>
internal static class DigestFeedText
{
    public static string Title(string section, bool spanish) => (section, spanish) switch
    {
        (DigestSectionIds.StalledDeals, false) => "Stalled deals",
        (DigestSectionIds.StalledDeals, true) => "Negocios estancados",
        (DigestSectionIds.AtRiskAccounts, false) => "Accounts at risk",
        (DigestSectionIds.AtRiskAccounts, true) => "Cuentas en riesgo",
        (DigestSectionIds.OpenHandoffs, false) => "Hand-offs not yet claimed",
        (DigestSectionIds.OpenHandoffs, true) => "Traspasos sin asignar",
        _ => section,
    };

    public static string Empty(string section, bool spanish) => (section, spanish) switch
    {
        (DigestSectionIds.StalledDeals, false) => "No stalled deals.",
        (DigestSectionIds.StalledDeals, true) => "Ningún negocio estancado.",
        (DigestSectionIds.AtRiskAccounts, false) => "No accounts at risk.",
        (DigestSectionIds.AtRiskAccounts, true) => "Ninguna cuenta en riesgo.",
        (DigestSectionIds.OpenHandoffs, false) => "Every hand-off is claimed.",
        (DigestSectionIds.OpenHandoffs, true) => "Todos los traspasos están asignados.",
        _ => "—",
    };

    /// <summary>What an unfed section says: it is not a sign that nothing is wrong.</summary>
    public static string NotConnected(string section, bool spanish) => (section, spanish) switch
    {
        (DigestSectionIds.OpenHandoffs, false) => "Not available yet: hand-offs are not connected to digests.",
        (DigestSectionIds.OpenHandoffs, true) => "Aún no disponible: los traspasos no están conectados a los resúmenes.",
        (_, false) => "Not available yet: alerts are not connected to digests.",
        _ => "Aún no disponible: las alertas no están conectadas a los resúmenes.",
    };
}
