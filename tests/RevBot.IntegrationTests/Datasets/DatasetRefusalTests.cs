using System.Text.Json;
using RevBot.Core.Answers;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Testing.Datasets;

namespace RevBot.IntegrationTests.Datasets;

/// <summary>
/// Questions these datasets cannot answer (issue 17, sections 1 and 4): a value the company does not have, a dimension
/// its data lacks, a metric whose source data is absent. Each must be refused or clarified, naming the word or the
/// missing data, never answered with a number. Kept apart from the suite: the refusals are being built alongside.
/// </summary>
public sealed class DatasetRefusalTests(DatasetFixture data)
{
    /// <summary>Dataset, question, and words of which the answer must contain at least one (case-insensitive).</summary>
    public static TheoryData<DbProvider, string, string, string> Refusals()
    {
        (string Dataset, string Question, string Mention)[] cases =
        [
            // A value the company does not have.
            (MavenCrm.Name, "win rate for the Narnia region this year", "Narnia"),
            (MavenCrm.Name, "bookings in APAC this year", "APAC"),
            (MavenCrm.Name, "tasa de cierre en la región Narnia este año", "Narnia"),
            (MavenCrm.Name, "deals Jane Smith closed this year", "Jane Smith"),
            (MavenCrm.Name, "bookings for GTX Ultra this year", "GTX Ultra"),
            (RavenStack.Name, "ARR in LATAM", "LATAM"),
            (RavenStack.Name, "ARR en LATAM", "LATAM"),
            // A compass region the company does not have, in Spanish ("el Norte"; Maven has Central, East and West).
            (MavenCrm.Name, "tasa de cierre en el Norte este año", "Norte"),
            // A dimension the data does not have (Maven's and RavenStack's accounts have no segment).
            (MavenCrm.Name, "bookings by segment this year", "segment"),
            (MavenCrm.Name, "win rate for mid-market this year", "mid-market|segment"),
            (MavenCrm.Name, "ventas por segmento este año", "segmento"),
            (RavenStack.Name, "ARR by segment", "segment"),
            (RavenStack.Name, "ARR by stage", "stage"),
            // A metric modifier with no metric behind it, on data without quotas.
            (MavenCrm.Name, "bookings vs plan this year", "plan|quota"),
            // A metric whose source data is absent: Maven has no subscriptions or spend, RavenStack no deals.
            (MavenCrm.Name, "what is our ARR?", "subscription"),
            (MavenCrm.Name, "¿cuál es nuestro ARR?", "suscripci"),
            (MavenCrm.Name, "NRR this year", "subscription"),
            (MavenCrm.Name, "how many customers do we have", "subscription"),
            (MavenCrm.Name, "CAC this year", "spend"),
            (RavenStack.Name, "win rate this year", "deal"),
            (RavenStack.Name, "bookings last quarter", "deal"),
            (RavenStack.Name, "pipeline", "deal"),
            (RavenStack.Name, "average deal size this year", "deal"),
            (RavenStack.Name, "tasa de cierre este año", "negocio"),
            (RavenStack.Name, "ventas cerradas el trimestre pasado", "negocio"),
        ];
        var rows = new TheoryData<DbProvider, string, string, string>();
        foreach (var provider in new[] { DbProvider.Sqlite, DbProvider.Postgres })
            foreach (var (dataset, question, mention) in cases) rows.Add(provider, dataset, question, mention);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Refuses_or_clarifies_naming_what_is_missing(DbProvider provider, string dataset, string question, string mention)
    {
        var imported = await data.GetAsync(dataset, provider);
        var answer = await imported.AskAsync(question, DatasetCases.AsOf(dataset));
        var json = JsonSerializer.SerializeToElement(answer);
        // Refused, asked about, or an answer that names the missing data instead of a value (missingData, no value).
        Assert.True(!answer.Understood || answer.Intent == "clarify" || answer.MissingData is { Count: > 0 }, $"answered instead of refusing: {answer.Text}");
        Assert.Null(answer.Value);
        Assert.True(mention.Split('|').Any(m => answer.Text.Contains(m, StringComparison.OrdinalIgnoreCase)), $"the answer does not name '{mention}': {answer.Text}");
        Assert.True(!json.TryGetProperty("breakdown", out var b) || b.ValueKind == JsonValueKind.Null, "a refusal has no breakdown");
    }

    /// <summary>
    /// A company whose customers come from subscriptions, with no deals (section 4): new customers are the accounts whose
    /// first paid subscription started in the period, not 0 from the absent won deals.
    /// </summary>
    [Theory]
    [InlineData(DbProvider.Sqlite, "new customers this year", "2024-01-01", "2024-12-31")]
    [InlineData(DbProvider.Sqlite, "clientes nuevos el trimestre pasado", "2024-07-01", "2024-09-30")]
    [InlineData(DbProvider.Postgres, "new logos in Q2 2024", "2024-04-01", "2024-06-30")]
    public async Task New_customers_of_a_subscription_company_come_from_first_subscriptions(DbProvider provider, string question, string start, string end)
    {
        var imported = await data.GetAsync(RavenStack.Name, provider);
        var answer = await imported.AskAsync(question, DatasetCases.RavenAsOf);
        var (from, to) = (DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        var expected = data.RavenReference.NewCustomers(from, to);
        Assert.True(expected > 0);
        Assert.True(answer.Understood, answer.Text);
        Assert.Equal(("new_customers", start, end), (answer.Metric, answer.Period!.Start, answer.Period.End));
        Assert.Equal(expected, answer.Value);
    }

    /// <summary>
    /// A region named in Spanish ("el Este" is East; "este" alone is "this", a word that used to vanish and leave the
    /// whole company's number): read as the company's region, with the value computed from the raw rows.
    /// </summary>
    [Theory]
    [InlineData(DbProvider.Sqlite, "tasa de cierre en el Este este año", "win_rate", "East", "2017-01-01", "2017-12-31")]
    [InlineData(DbProvider.Postgres, "ventas cerradas en el Oeste el trimestre pasado", "bookings", "West", "2017-07-01", "2017-09-30")]
    public async Task A_compass_region_in_Spanish_is_the_companys_region(DbProvider provider, string question, string metric, string region, string start, string end)
    {
        var imported = await data.GetAsync(MavenCrm.Name, provider);
        var answer = await imported.AskAsync(question, DatasetCases.AsOf(MavenCrm.Name));
        var (from, to) = (DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        var expected = data.Reference(MavenCrm.Name).Evaluate(metric, from, to, new Dictionary<string, string> { ["region"] = region }, null, to);
        Assert.True(answer.Understood, answer.Text);
        Assert.Equal((metric, start, end, region), (answer.Metric, answer.Period!.Start, answer.Period.End, answer.Filters!["region"]));
        Assert.Equal(expected.Value!.Value, answer.Value!.Value, 4);
        Assert.Contains(region, answer.Text, StringComparison.Ordinal);
    }
}
