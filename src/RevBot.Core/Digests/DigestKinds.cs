using RevBot.Core.Localization;

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
    public static string Title(DigestKind kind, string language) => Texts.Get(language, kind switch
    {
        DigestKind.Sales => nameof(Catalog.DigestKindSales),
        DigestKind.Cs => nameof(Catalog.DigestKindCs),
        DigestKind.Marketing => nameof(Catalog.DigestKindMarketing),
        DigestKind.Finance => nameof(Catalog.DigestKindFinance),
        DigestKind.Exec => nameof(Catalog.DigestKindExec),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    });

    /// <summary>How a kind reads inside a sentence: "the Sales digest", "el resumen de ventas".</summary>
    public static string InText(DigestKind kind, string language) => Texts.Get(language, kind switch
    {
        DigestKind.Sales => nameof(Catalog.DigestKindSalesInText),
        DigestKind.Cs => nameof(Catalog.DigestKindCsInText),
        DigestKind.Marketing => nameof(Catalog.DigestKindMarketingInText),
        DigestKind.Finance => nameof(Catalog.DigestKindFinanceInText),
        DigestKind.Exec => nameof(Catalog.DigestKindExecInText),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    });
}
