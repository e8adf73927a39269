using System.Globalization;
using Npgsql;
using RevBot.Data.Demo;
using RevBot.Data.Storage;
using RevBot.Testing;

namespace RevBot.Tests.Demo;

/// <summary>The seeder encodes PostgreSQL's binary COPY format itself (<see cref="CopyBuffer"/>): what it writes must be what PostgreSQL reads.</summary>
public sealed class CopySpoolTests
{
    private sealed record Sample(int? Int, long? Long, decimal? Money, DateOnly? Day, DateTime? At, string? Text);

    private static readonly BulkTable<Sample> Table = new BulkTable<Sample>("copy_sample")
        .Int("i", s => s.Int).Long("l", s => s.Long).Money("m", s => s.Money).Date("d", s => s.Day).Timestamp("t", s => s.At).Text("s", s => s.Text);

    [Fact]
    public async Task Every_kind_of_value_reads_back_as_written()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DbProvider.Postgres, migrate: false);
        await using var connection = new NpgsqlConnection(db.Target.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var create = new NpgsqlCommand("CREATE TABLE copy_sample (i int, l bigint, m numeric, d date, t timestamptz, s text)", connection))
            await create.ExecuteNonQueryAsync(ct);
        Sample[] rows =
        [
            new(0, 0, 0m, new DateOnly(2000, 1, 1), new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), ""),
            new(-7, long.MinValue, -1234.5m, new DateOnly(1999, 12, 31), new DateTime(2026, 11, 27, 23, 59, 59, 999, DateTimeKind.Utc).AddTicks(9_999), "Müller & Søn — 東京 \t\n\\"),
            new(int.MaxValue, long.MaxValue, 0.01m, new DateOnly(2026, 2, 28), new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Unspecified), new string('x', 200_000)),
            new(42, 1, 123456789012345.67m, null, null, null),
            new(null, null, null, new DateOnly(2030, 1, 1), new DateTime(1995, 3, 4, 5, 6, 7, DateTimeKind.Utc), "a"),
            new(1, 2, decimal.MaxValue, null, null, "b"),
            new(1, 2, -0.0000000001m, null, null, "c"),
            new(1, 2, 10000m, null, null, "d"),
            new(1, 2, 1.10m, null, null, "e"),
        ];

        long copied;
        using (var spool = new CopySpool<Sample>(Table))
        {
            foreach (var row in rows) spool.Writer.Write(row);
            copied = await spool.CopyAsync(connection, ct);
        }

        Assert.Equal(rows.Length, copied);
        var read = new List<(Sample Row, string? MoneyText)>();
        await using (var select = new NpgsqlCommand("SELECT i, l, m, d, t, s, m::text FROM copy_sample", connection))
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                read.Add((new Sample(
                    reader.IsDBNull(0) ? null : reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt64(1),
                    reader.IsDBNull(2) ? null : reader.GetDecimal(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3),
                    reader.IsDBNull(4) ? null : reader.GetDateTime(4), reader.IsDBNull(5) ? null : reader.GetString(5)),
                    reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }
        Assert.Equal(rows.Length, read.Count);
        for (var i = 0; i < rows.Length; i++)
        {
            var expected = rows[i];
            // PostgreSQL keeps microseconds; the ticks below them are dropped, as Npgsql's own encoding drops them.
            var at = expected.At is { } t ? DateTime.SpecifyKind(new DateTime(t.Ticks - (t.Ticks % 10)), DateTimeKind.Utc) : (DateTime?)null;
            Assert.Equal(expected with { At = at }, read[i].Row);
            // The display scale is the decimal's own, as Npgsql sends it ("1.10", "0.00").
            Assert.Equal(expected.Money?.ToString(CultureInfo.InvariantCulture), read[i].MoneyText);
        }
    }
}
