using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Feeds;

namespace RevBot.Tests.Alerts;

/// <summary>
/// The digests' shared alert scan: one scan per day and language within its lifetime, and after it the findings are
/// let go (nothing in the cache still holds them), so a large company's scan does not stay in memory between digests;
/// and what is kept of each finding is the line a digest shows, not its reasons as data.
/// </summary>
public sealed class AlertFindingsCacheTests
{
    private static readonly DateOnly Day = new(2026, 11, 27);

    [Fact]
    public async Task Digests_within_the_lifetime_share_one_scan()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        using var cache = new AlertFindingsCache(time);
        var scans = 0;
        Task<IReadOnlyList<AlertDigestLine>> Scan() { scans++; return Task.FromResult<IReadOnlyList<AlertDigestLine>>([Finding()]); }

        var first = await cache.GetAsync(Day, "en", Scan);
        time.Advance(AlertFindingsCache.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Same(first, await cache.GetAsync(Day, "en", Scan));
        await cache.GetAsync(Day, "es", Scan);
        Assert.Equal(2, scans);

        time.Advance(TimeSpan.FromSeconds(1));
        await cache.GetAsync(Day, "en", Scan);
        Assert.Equal(3, scans);
    }

    [Fact]
    public void After_the_lifetime_the_findings_are_let_go()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        using var cache = new AlertFindingsCache(time);
        var findings = Fill(cache);
        Collect();
        Assert.True(findings.IsAlive, "the cache must hold the findings within the lifetime");

        time.Advance(AlertFindingsCache.Lifetime);
        Collect();
        Assert.False(findings.IsAlive, "the cache still holds the findings after the lifetime");
    }

    // Not inlined, so no local of the test method keeps the findings reachable.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference Fill(AlertFindingsCache cache)
    {
        IReadOnlyList<AlertDigestLine> findings = [Finding()];
        _ = cache.GetAsync(Day, "en", () => Task.FromResult(findings));
        return new WeakReference(findings);
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    [Fact]
    public void A_digest_line_keeps_what_the_digest_shows_of_a_finding()
    {
        var finding = new AlertFinding(AlertKind.ChurnRisk, "acct-7", "Globex", 81,
            [new AlertReason("usage", "usage down 46% in 30 days", 40) { Words = AlertWords.Say("AlertUsageDown", AlertWords.Percent(0.46)) },
             new AlertReason("renewal", "renews in 41 days", 10)],
            ["ana@example.com"]);

        Assert.Equal(new AlertDigestLine(AlertKind.ChurnRisk, "acct-7", "Globex", 81, "usage down 46% in 30 days, renews in 41 days"), AlertDigestLine.Of(finding));
    }

    private static AlertDigestLine Finding() => AlertDigestLine.Of(new(AlertKind.StalledDeal, "deal-1", "Acme renewal", null, [], []));
}
