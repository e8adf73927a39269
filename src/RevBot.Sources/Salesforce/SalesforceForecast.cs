using RevBot.Core.Domain;

namespace RevBot.Sources.Salesforce;

/// <summary>
/// Salesforce's <c>ForecastCategoryName</c> for each of RevBot's forecast categories: one table, read both ways by the
/// sync ("Best Case" → best_case) and by write-back (best_case → "Best Case").
/// </summary>
internal static class SalesforceForecast
{
    private static readonly (ForecastCategory Category, string Name)[] Names =
    [
        (ForecastCategory.Pipeline, "Pipeline"), (ForecastCategory.BestCase, "Best Case"),
        (ForecastCategory.Commit, "Commit"), (ForecastCategory.Omitted, "Omitted"),
    ];

    /// <summary>The canonical text of a Salesforce name; null for "Closed", which says nothing a deal's status does not.</summary>
    public static string? ToCanonical(string? name)
    {
        // The API names some orgs still return for the same categories.
        var label = name switch { "BestCase" => "Best Case", "Forecast" => "Commit", _ => name };
        foreach (var (category, salesforce) in Names)
            if (salesforce == label) return EnumText.Format(category);
        return null;
    }

    /// <summary>The Salesforce name of a canonical category; anything else is sent as given, for Salesforce to judge.</summary>
    public static string ToSalesforce(string canonical) =>
        EnumText.TryParse<ForecastCategory>(canonical, out var category) ? Array.Find(Names, n => n.Category == category).Name : canonical;
}
