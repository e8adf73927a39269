using System.Diagnostics.Metrics;
using System.Globalization;
using RevBot.Core.Telemetry;

namespace RevBot.Sources.Salesforce;

/// <summary>
/// The org's API usage as Salesforce reports it on every answer (<c>Sforce-Limit-Info: api-usage=used/limit</c>): the
/// latest value, shown on the "RevBot" meter as <c>revbot.sources.salesforce.api_usage</c> and
/// <c>…api_limit</c>, logged after each sync, and checked before each query so the sync stops short of the daily limit.
/// </summary>
public sealed class SalesforceLimits
{
    private static readonly Meter Meter = new(RevBotMetrics.MeterName);
    private static long _used = -1;
    private static long _limit = -1;

    private static readonly ObservableGauge<long> Used = Meter.CreateObservableGauge("revbot.sources.salesforce.api_usage",
        () => Interlocked.Read(ref _used) is var u and >= 0 ? [new Measurement<long>(u)] : Array.Empty<Measurement<long>>(), "{request}",
        "API requests the Salesforce org has used in its rolling 24 hours, as of RevBot's last call.");

    private static readonly ObservableGauge<long> Limit = Meter.CreateObservableGauge("revbot.sources.salesforce.api_limit",
        () => Interlocked.Read(ref _limit) is var l and >= 0 ? [new Measurement<long>(l)] : Array.Empty<Measurement<long>>(), "{request}",
        "The Salesforce org's API request limit for 24 hours.");

    private long _lastUsed = -1;
    private long _lastLimit = -1;

    /// <summary>The latest usage seen by this process, or null before the first answer.</summary>
    public (long Used, long Limit)? Latest => Interlocked.Read(ref _lastLimit) is var limit and > 0 ? (Interlocked.Read(ref _lastUsed), limit) : null;

    /// <summary>Reads the header's <c>api-usage=used/limit</c> part; other parts and malformed values are ignored.</summary>
    public void Record(IEnumerable<string> headerValues)
    {
        foreach (var part in headerValues.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)))
        {
            if (!part.StartsWith("api-usage=", StringComparison.Ordinal)) continue;
            var numbers = part["api-usage=".Length..].Split('/');
            if (numbers.Length != 2 || !long.TryParse(numbers[0], NumberStyles.None, CultureInfo.InvariantCulture, out var used)
                || !long.TryParse(numbers[1], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit <= 0) continue;
            Interlocked.Exchange(ref _lastUsed, used);
            Interlocked.Exchange(ref _lastLimit, limit);
            Interlocked.Exchange(ref SalesforceLimits._used, used);
            Interlocked.Exchange(ref SalesforceLimits._limit, limit);
        }
    }

    /// <summary>A sentence saying why the sync must stop now, or null while usage is below <paramref name="stopAt"/> of the limit.</summary>
    public string? StopReason(double stopAt) =>
        Latest is var (used, limit) && used >= stopAt * limit
            ? string.Create(CultureInfo.InvariantCulture, $"The Salesforce org has used {used} of its {limit} API requests for the day ({Math.Floor(100.0 * used / limit)}%); the sync stops at {Math.Round(100 * stopAt)}% so the org's other integrations keep the rest, and goes on once the org's 24-hour window frees requests.")
            : null;

    /// <summary>Keeps the gauges' instruments alive (static fields read once, so the analyser does not drop them).</summary>
    internal static IReadOnlyList<Instrument> Instruments => [Used, Limit];
}
