using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RevBot.IntegrationTests.Cli;

/// <summary>
/// A SaaS billing export (accounts and subscriptions, no deals, spend or quotas) imported through the canonical CSV
/// format, then asked from the CLI: new customers are first paid subscriptions (counted here from the rows written),
/// and a metric whose data is absent names the missing file in the text and in the JSON, in English and Spanish.
/// </summary>
public sealed class SubscriptionOnlyAskTests : IDisposable
{
    private readonly string _dir = CliRun.NewFolder();

    private string Db => $"sqlite:{Path.Combine(_dir, "saas.db")}";

    [Fact]
    public async Task A_billing_export_counts_new_customers_from_subscriptions_and_names_the_data_it_lacks()
    {
        // (account, MRR, start, end): a trial first for acc-2, which pays from August; acc-3 started before Q3.
        (string Account, decimal Mrr, string Start, string? End)[] rows =
        [
            ("acc-1", 100.50m, "2026-07-10", null), ("acc-2", 0m, "2026-06-01", "2026-08-01"), ("acc-2", 250m, "2026-08-01", null),
            ("acc-3", 400m, "2026-03-01", "2026-08-15"), ("acc-3", 300m, "2026-09-01", null), ("acc-4", 75m, "2026-10-02", null),
        ];
        var folder = Path.Combine(_dir, "export");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "accounts.csv"), "account_id,name\nacc-1,One\nacc-2,Two\nacc-3,Three\nacc-4,Four\n", Ct);
        var csv = new StringBuilder("subscription_id,account_id,mrr,start_date,end_date\n");
        foreach (var (row, i) in rows.Select((r, i) => (r, i))) csv.Append(CultureInfo.InvariantCulture, $"s-{i},{row.Account},{row.Mrr},{row.Start},{row.End}\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "subscriptions.csv"), csv.ToString(), Ct);
        Assert.Equal(0, (await CliRun.InProcessAsync("import", folder, "--db", Db)).Code);

        // First paid subscription in Q3 2026: acc-1 (Jul 10) and acc-2 (Aug 1, after its trial); acc-3 paid in March.
        var q3 = rows.Where(r => r.Mrr > 0).GroupBy(r => r.Account).Count(g => g.Min(r => r.Start) is var first && string.CompareOrdinal(first, "2026-07-01") >= 0 && string.CompareOrdinal(first, "2026-09-30") <= 0);
        var customers = await AskJsonAsync("new customers last quarter");
        Assert.Equal(q3, customers.GetProperty("value").GetDecimal());
        Assert.False(customers.TryGetProperty("missingData", out _));

        var cac = await AskJsonAsync("CAC last quarter");
        Assert.Equal("Customer acquisition cost needs sales and marketing spend (spend.csv); none is loaded.", cac.GetProperty("text").GetString());
        Assert.Equal(["spend"], cac.GetProperty("missingData").EnumerateArray().Select(e => e.GetString()));
        Assert.False(cac.TryGetProperty("value", out _));

        var (code, text, _) = await CliRun.InProcessAsync("ask", "tasa de cierre este año", "--db", Db, "--as-of", "2026-11-27");
        Assert.Equal(0, code);
        Assert.Contains("Para calcular tasa de cierre necesito negocios (deals.csv), pero no hay datos cargados.", text, StringComparison.Ordinal);
        (_, text, _) = await CliRun.InProcessAsync("ask", "top 10 open deals", "--db", Db, "--as-of", "2026-11-27");
        Assert.Contains("This list needs deals (deals.csv); none is loaded.", text, StringComparison.Ordinal);
    }

    private async Task<JsonElement> AskJsonAsync(string question)
    {
        var (code, output, error) = await CliRun.InProcessAsync("ask", question, "--db", Db, "--as-of", "2026-11-27", "--format", "json");
        Assert.True(code == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
