using Microsoft.EntityFrameworkCore;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.Tests.Deals;

/// <summary>Finding deals by what people type: deal and account names, any case, accents, a typo; the asker's deals first.</summary>
public sealed class DealFinderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_askers_own_deals_come_first_then_open_before_closed(DbProvider provider)
    {
        await using var s = await DealServices.CreateAsync(provider);
        var rob = await FindAsync(s, "acme", DealWorld.Rob);
        var rae = await FindAsync(s, "acme", DealWorld.Rae);

        Assert.Equal([DealWorld.AcmeRenewal, DealWorld.AcmeLost, DealWorld.AcmeExpansion], rob.Hits.Select(h => h.Id));
        Assert.Equal([true, true, false], rob.Hits.Select(h => h.Mine));
        Assert.Equal([DealWorld.AcmeExpansion, DealWorld.AcmeRenewal, DealWorld.AcmeLost], rae.Hits.Select(h => h.Id));
    }

    [Theory]
    [InlineData(DbProvider.Sqlite, "ACME Renewal", new[] { DealWorld.AcmeRenewal, DealWorld.AcmeLost })]
    [InlineData(DbProvider.Sqlite, "acme renewl", new[] { DealWorld.AcmeRenewal, DealWorld.AcmeLost })]
    [InlineData(DbProvider.Sqlite, "cafe martinez", new[] { DealWorld.Cafe })]
    [InlineData(DbProvider.Sqlite, "café MARTÍNEZ", new[] { DealWorld.Cafe })]
    [InlineData(DbProvider.Sqlite, "globex", new[] { DealWorld.GlobexWon })]
    [InlineData(DbProvider.Sqlite, "globx industries", new[] { DealWorld.GlobexWon })]
    [InlineData(DbProvider.Sqlite, "vision kit", new[] { DealWorld.AcmeExpansion })]
    [InlineData(DbProvider.Postgres, "ACME Renewal", new[] { DealWorld.AcmeRenewal, DealWorld.AcmeLost })]
    [InlineData(DbProvider.Postgres, "acme renewl", new[] { DealWorld.AcmeRenewal, DealWorld.AcmeLost })]
    [InlineData(DbProvider.Postgres, "cafe martinez", new[] { DealWorld.Cafe })]
    [InlineData(DbProvider.Postgres, "café MARTÍNEZ", new[] { DealWorld.Cafe })]
    [InlineData(DbProvider.Postgres, "globx industries", new[] { DealWorld.GlobexWon })]
    public async Task Case_accents_and_a_typo_do_not_matter(DbProvider provider, string text, string[] expected)
    {
        await using var s = await DealServices.CreateAsync(provider);
        var found = await FindAsync(s, text, DealWorld.Rob);
        Assert.Equal(expected, found.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task An_id_or_a_whole_name_is_exact_and_nonsense_finds_nothing()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var byId = await FindAsync(s, "deal-3", null);
        var byName = await FindAsync(s, "Acme Corporation - renewal 2026", null);
        var nothing = await FindAsync(s, "zeppelin", null);
        var vague = await FindAsync(s, "a b", null);

        Assert.Equal((true, DealWorld.GlobexWon), (byId.Exact, byId.Hits.Single().Id));
        Assert.Equal((true, DealWorld.AcmeRenewal), (byName.Exact, byName.Hits[0].Id));
        Assert.Equal((0, false), (nothing.Hits.Count, nothing.TooVague));
        Assert.True(vague.TooVague);
    }

    [Fact]
    public async Task Search_text_is_data_not_sql()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var found = await FindAsync(s, "acme' OR 1=1; DELETE FROM deals; --", null);
        Assert.Empty(found.Hits);
        Assert.Equal(6, await s.QueryAsync(db => db.Deals.CountAsync(Ct)));
    }

    [Fact]
    public async Task On_postgresql_the_narrowing_can_use_the_trigram_indexes()
    {
        TestDatabase.RequireProvider(DbProvider.Postgres);
        await using var s = await DealServices.CreateAsync(DbProvider.Postgres);
        await using var db = s.Database.NewContext();
        await db.Database.OpenConnectionAsync(Ct);
        // Six rows would be scanned anyway: forbid the scan to see whether the index can serve the folded LIKE.
        await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off", Ct);
        var fold = SearchText.NameSql("d", Core.Storage.SqlDialect.Postgres);
        var sql = "EXPLAIN SELECT d.id FROM deals d WHERE " + fold + " LIKE '%renewal%'";
        var plan = string.Join("\n", await db.Database.SqlQueryRaw<string>(sql).ToListAsync(Ct));
        Assert.Contains("ix_deals_name_fold", plan, StringComparison.Ordinal);
    }

    private static async Task<DealSearchResult> FindAsync(DealServices s, string text, string? asker)
    {
        int? userId = asker is null ? null : await s.UserIdAsync(asker);
        return await s.UseAsync<DealFinder, DealSearchResult>(f => f.FindAsync(text, userId, 10, Ct));
    }
}
