namespace RevBot.Core.Alerts.Personal;

/// <summary>The first accounts of a person's at-risk list (highest score first) and how many there are in all.</summary>
public sealed record AtRiskAccounts(IReadOnlyList<AtRiskAccount> Shown, int Total)
{
    /// <summary>How many are not shown ("and 3 more").</summary>
    public int More => Total - Shown.Count;
}
