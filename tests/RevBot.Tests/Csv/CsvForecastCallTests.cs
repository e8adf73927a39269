using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.ForecastCalls;
using RevBot.Data.Csv;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Csv;

/// <summary>
/// forecast_snapshots.csv carries imported forecasts only: the weekly call's submissions (commit, best case) belong to
/// their call, so an export leaves them out and an import never overwrites one taken at the same moment.
/// </summary>
public sealed class CsvForecastCallTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Calls_are_neither_exported_nor_replaced_by_an_import(DbProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        TestDatabase.RequireProvider(provider);
        await using var test = await TestDatabase.CreateAsync(provider);
        var at = new DateTime(2026, 10, 5, 9, 0, 0, DateTimeKind.Utc);
        await using (var db = test.NewContext())
        {
            var rep = new User { Email = "rep@example.com", Name = "Rep" };
            db.Users.Add(rep);
            await db.SaveChangesAsync(ct);
            db.ForecastSnapshots.AddRange(
                new ForecastSnapshot { TakenAt = at, PeriodStart = new(2026, 10, 1), PeriodEnd = new(2026, 12, 31), Amount = 100, OwnerId = rep.Id },
                new ForecastSnapshot { TakenAt = at, PeriodStart = new(2026, 10, 1), PeriodEnd = new(2026, 12, 31), Amount = 70, OwnerId = rep.Id, Kind = ForecastCallKinds.Commit });
            await db.SaveChangesAsync(ct);
        }
        using var folder = new TempFolder();
        await using (var db = test.NewContext()) await CsvExporter.ExportAsync(db, folder.Path, ct);
        var lines = await File.ReadAllLinesAsync(Path.Combine(folder.Path, "forecast_snapshots.csv"), ct);
        Assert.Equal(2, lines.Length);
        Assert.Contains(",100,", lines[1], StringComparison.Ordinal);

        // The same moment and owner with a new amount: the imported forecast changes, the commit call stays.
        await File.WriteAllLinesAsync(Path.Combine(folder.Path, "forecast_snapshots.csv"), [lines[0], lines[1].Replace(",100,", ",120,", StringComparison.Ordinal)], ct);
        await using (var db = test.NewContext())
        {
            var result = await CsvImporter.ImportAsync(db, folder.Path, ct: ct);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }
        await using (var db = test.NewContext())
        {
            var rows = await db.ForecastSnapshots.OrderBy(f => f.Kind).Select(f => new { f.Kind, f.Amount }).ToListAsync(ct);
            Assert.Equal([(ForecastCallKinds.Commit, 70m), (ForecastSnapshot.ImportedKind, 120m)], rows.Select(r => (r.Kind, Math.Round(r.Amount, 2))));
        }
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("revbot-forecast-calls-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
