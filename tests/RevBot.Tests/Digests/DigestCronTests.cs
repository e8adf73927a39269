using RevBot.Core.Digests.Timing;

namespace RevBot.Tests.Digests;

/// <summary>Digest times in the channel's IANA zone: a 9:00 post stays at 9:00 local across daylight-saving changes.</summary>
public sealed class DigestCronTests
{
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();

    [Theory]
    // Madrid springs forward on Sunday 29 March 2026 (CET +1 → CEST +2) and falls back on Sunday 25 October 2026.
    [InlineData("Europe/Madrid", "2026-03-23T08:00:00Z", "2026-03-30T07:00:00Z")]
    [InlineData("Europe/Madrid", "2026-10-19T07:00:00Z", "2026-10-26T08:00:00Z")]
    // New York springs forward on Sunday 8 March 2026 (EST −5 → EDT −4) and falls back on Sunday 1 November 2026.
    [InlineData("America/New_York", "2026-03-02T14:00:00Z", "2026-03-09T13:00:00Z")]
    [InlineData("America/New_York", "2026-10-26T13:00:00Z", "2026-11-02T14:00:00Z")]
    public void A_monday_nine_oclock_digest_stays_at_nine_local_across_the_change(string zoneId, string before, string after)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        var next = DigestCron.Next("0 9 * * 1", zone, Utc(before));

        Assert.Equal(Utc(after), next);
        Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(next!.Value, zone).DateTime));
        Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(Utc(before), zone).DateTime));
    }

    [Fact]
    public void A_slot_in_the_skipped_spring_hour_moves_to_the_end_of_the_gap()
    {
        // 02:30 does not exist in Madrid on 29 March 2026: clocks go from 02:00 to 03:00 (01:00Z).
        var next = DigestCron.Next("30 2 * * *", Madrid, Utc("2026-03-28T12:00:00Z"));

        Assert.Equal(Utc("2026-03-29T01:00:00Z"), next);
        Assert.Equal(Utc("2026-03-30T00:30:00Z"), DigestCron.Next("30 2 * * *", Madrid, next!.Value));
    }

    [Fact]
    public void A_slot_in_the_repeated_autumn_hour_happens_once_at_its_first_instance()
    {
        // 01:30 happens twice in New York on 1 November 2026: 05:30Z (EDT) and 06:30Z (EST).
        var slots = DigestCron.Between("30 1 * * *", NewYork, Utc("2026-10-31T12:00:00Z"), Utc("2026-11-02T12:00:00Z")).ToList();

        Assert.Equal([Utc("2026-11-01T05:30:00Z"), Utc("2026-11-02T06:30:00Z")], slots);
    }
}
