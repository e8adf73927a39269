using System.Text.Json;
using RevBot.Data.Demo;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Cli;

/// <summary><c>revbot ask … --chart-out file.png</c>: the text as always, and the answer's chart written as the digests' PNG.</summary>
public sealed class AskChartCommandTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _root = TestFiles.NewFolder("t");
    private string Db => $"sqlite:{Path.Combine(_root, "ask.db")}";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        await using var db = RevBotDbFactory.Create(DbTarget.Sqlite(Path.Combine(_root, "ask.db")));
        await DatabaseMigrator.MigrateAsync(db, Ct);
        await DemoSeeder.SeedAsync(db, new DemoSeedOptions { Scale = 0.05, AsOf = new DateOnly(2026, 11, 27) }, ct: Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_chart_question_prints_its_numbers_and_writes_a_png_with_a_bar_per_month()
    {
        var file = Path.Combine(_root, "out", "bookings.png");

        var (code, output, error) = await Ask("chart bookings by month", "--chart-out", file);

        Assert.True(code == 0, error);
        Assert.Matches(@"\$[0-9]", output);
        Assert.Contains($"Chart: {file} (Bookings by month, ", output, StringComparison.Ordinal);
        var png = await File.ReadAllBytesAsync(file, Ct);
        Assert.Equal((800, 400), PngBars.Size(png));
        Assert.Equal(12, PngBars.Count(png));
    }

    [Fact]
    public async Task The_json_says_a_chart_was_drawn_and_the_option_charts_a_question_without_chart_words()
    {
        var file = Path.Combine(_root, "rank.png");

        var (code, output, error) = await Ask("top 5 reps by bookings this year", "--format", "json", "--chart-out", file);

        Assert.True(code == 0, error);
        var chart = JsonDocument.Parse(output).RootElement.GetProperty("chart");
        Assert.Equal(("bookings-by-owner.png", 5, "image/png"), (chart.GetProperty("file").GetString(), chart.GetProperty("points").GetInt32(), chart.GetProperty("contentType").GetString()));
        Assert.Equal(5, PngBars.Count(await File.ReadAllBytesAsync(file, Ct)));
    }

    [Fact]
    public async Task One_number_writes_no_file_says_why_and_exits_1_and_without_the_option_json_has_no_chart()
    {
        var file = Path.Combine(_root, "none.png");

        var (code, output, error) = await Ask("chart bookings today", "--chart-out", file);
        var (plainCode, json, _) = await Ask("bookings by month", "--format", "json");

        Assert.Equal(1, code);
        Assert.Contains("A chart needs a series of values", output, StringComparison.Ordinal);
        Assert.Contains("no series to chart", error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        Assert.Equal(0, plainCode);
        Assert.False(JsonDocument.Parse(json).RootElement.TryGetProperty("chart", out _));
    }

    [Fact]
    public async Task A_chart_question_without_the_option_says_in_its_language_how_to_write_the_chart()
    {
        var (code, output, _) = await Ask("gráfico de ventas por mes");

        Assert.Equal(0, code);
        Assert.EndsWith("Gráfico: añade --chart-out ARCHIVO.png para guardarlo." + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_chart_option_is_refused()
    {
        var (code, _, error) = await Ask("chart bookings by month", "--chart-outt", Path.Combine(_root, "x.png"));

        Assert.Equal(2, code);
        Assert.Contains("--chart-out", error, StringComparison.Ordinal);
    }

    private Task<(int Code, string Output, string Error)> Ask(string question, params string[] options) =>
        CliRun.InProcessAsync(["ask", question, "--as-of", "2026-11-27", "--db", Db, .. options]);
}
