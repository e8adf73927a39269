namespace RevBot.Core.Digests;

/// <summary>The text names of <see cref="DigestKind"/>, as commands, JSON and file names spell them.</summary>
public static class DigestKinds
{
    public static IReadOnlyList<DigestKind> All { get; } = Enum.GetValues<DigestKind>();

    public static string Name(DigestKind kind) => kind switch
    {
        DigestKind.Sales => "sales",
        DigestKind.Cs => "cs",
        DigestKind.Marketing => "marketing",
        DigestKind.Finance => "finance",
        DigestKind.Exec => "exec",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? text, out DigestKind kind)
    {
        foreach (var k in All)
        {
            if (string.Equals(Name(k), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>How a kind reads in a title: "Sales", "Customer success", "Ventas".</summary>
    public static string Title(DigestKind kind, bool spanish) => (kind, spanish) switch
    {
        (DigestKind.Sales, false) => "Sales",
        (DigestKind.Cs, false) => "Customer success",
        (DigestKind.Marketing, false) => "Marketing",
        (DigestKind.Finance, false) => "Finance",
        (DigestKind.Exec, false) => "Executive",
        (DigestKind.Sales, true) => "Ventas",
        (DigestKind.Cs, true) => "Éxito de clientes",
        (DigestKind.Marketing, true) => "Marketing",
        (DigestKind.Finance, true) => "Finanzas",
        (DigestKind.Exec, true) => "Dirección",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
