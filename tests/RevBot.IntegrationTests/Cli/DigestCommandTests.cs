using System.CommandLine;
using System.Text.Json;
using RevBot.Data.Demo;
using RevBot.Data.Storage;
using RevBot.Host.Cli;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Cli;

public sealed class DigestCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Digest_preview_sales_prints_the_json_contract_and_writes_its_charts()
    {
        var root = TestFiles.NewFolder("t");
        var path = Path.Combine(root, "digest.db");
        var charts = Path.Combine(root, "charts");
        await using (var db = RevBotDbFactory.Create(DbTarget.Sqlite(path)))
        {
            await DatabaseMigrator.MigrateAsync(db, Ct);
            await DemoSeeder.SeedAsync(db, new DemoSeedOptions { Scale = 0.1, AsOf = new DateOnly(2026, 3, 15) }, ct: Ct);
        }
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await RevBotCli.Create()
            .Parse(["digest", "preview", "sales", "--format", "json", "--out", charts, "--as-of", "2026-03-16", "--db", $"sqlite:{path}"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, Ct);

        Assert.True(code == 0, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var digest = json.RootElement;
        Assert.Equal(["kind", "period", "metrics", "sections", "charts"], digest.EnumerateObject().Select(p => p.Name));
        Assert.Equal("sales", digest.GetProperty("kind").GetString());
        Assert.Equal("2026-03-09", digest.GetProperty("period").GetProperty("start").GetString());
        Assert.Equal("2026-03-15", digest.GetProperty("period").GetProperty("end").GetString());
        var bookings = digest.GetProperty("metrics").EnumerateArray().First(m => m.GetProperty("metric").GetString() == "bookings");
        Assert.Equal(JsonValueKind.Number, bookings.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Number, bookings.GetProperty("previous").ValueKind);
        Assert.Equal("bookings last week", bookings.GetProperty("question").GetString());
        // The top-won list holds last week's won deals, at most five: as many as the headline count says.
        var wonLastWeek = digest.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "deals_won" && m.GetProperty("question").GetString() == "deals won last week");
        var topWon = digest.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("title").GetString() == "Top deals won");
        Assert.Equal(Math.Min(5, (int)wonLastWeek.GetProperty("value").GetDecimal()), topWon.GetProperty("items").GetArrayLength());
        var sections = digest.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        // The alerts engine and the hand-offs feed their sections: available, at most five, each line with its reason.
        foreach (var fed in new[] { "stalled_deals", "at_risk_accounts", "open_handoffs" }.Where(sections.ContainsKey))
        {
            Assert.False(sections[fed].TryGetProperty("unavailable", out var why) && why.ValueKind != JsonValueKind.Null, fed);
            Assert.InRange(sections[fed].GetProperty("items").GetArrayLength(), 0, 5);
            Assert.All(sections[fed].GetProperty("items").EnumerateArray(), i => Assert.False(string.IsNullOrEmpty(i.GetProperty("detail").GetString()), fed));
        }
        Assert.NotEqual(0, sections["stalled_deals"].GetProperty("items").GetArrayLength());
        var files = digest.GetProperty("charts").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(["sales-pipeline-by-stage.png", "sales-bookings-by-week.png"], files);
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(charts, file), Ct);
            Assert.True(bytes.Length > 2_000 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G', file);
        }
    }

    [Fact]
    public async Task An_unknown_kind_or_a_bad_filter_is_refused()
    {
        using var error = new StringWriter();

        var kind = await RevBotCli.Create().Parse(["digest", "preview", "ops", "--db", "sqlite:/nonexistent/never.db"])
            .InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = error }, Ct);
        var filter = await RevBotCli.Create().Parse(["digest", "preview", "sales", "--filter", "planet=Mars", "--db", "sqlite:/nonexistent/never.db"])
            .InvokeAsync(new InvocationConfiguration { Output = TextWriter.Null, Error = error }, Ct);

        Assert.NotEqual(0, kind);
        Assert.Equal(2, filter);
    }
}
