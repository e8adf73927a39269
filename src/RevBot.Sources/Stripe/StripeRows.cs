using System.Globalization;
using RevBot.Core.Sources;
using RevBot.Data.Csv;
using RevBot.Sources.Sync;
using Stripe;
using SourceSystem = RevBot.Core.Domain.SourceSystem;

namespace RevBot.Sources.Stripe;

/// <summary>
/// Turns Stripe subscriptions into rows of subscriptions.csv (docs/sources.md, "Stripe"): the id "stripe:sub_…", the
/// mapped account, the product names, the MRR in major units, the first paid day (the trial's end, if it had one) and
/// the first day no longer active (ended, or a cancellation already scheduled). A subscription that never paid
/// (incomplete, expired, paused after its trial, or cancelled before its trial ended) is removed if it was stored; one
/// in another currency than the company's, or of an unmapped customer, is skipped with the reason.
/// </summary>
internal sealed class StripeRows(StripeApi api, StripeAccountMap accounts, string companyCurrency, TimeZoneInfo zone, DateTime now)
{
    public const string File = "subscriptions.csv";

    private static readonly HashSet<string> NeverPaid = new(StringComparer.Ordinal) { "incomplete", "incomplete_expired", "paused" };

    /// <summary>The rows of <paramref name="subscriptions"/>, and the ones left out with why.</summary>
    public async Task<(CanonicalRows Rows, List<SyncSkip> Skipped)> MakeAsync(string name, IEnumerable<Subscription> subscriptions,
        IEnumerable<string> deleted, CancellationToken ct)
    {
        var rows = new CanonicalRows(name);
        var skipped = new List<SyncSkip>();
        foreach (var id in deleted) rows.Delete(File, SourceIds.Of(SourceSystem.Stripe, id));
        var batch = subscriptions as IReadOnlyCollection<Subscription> ?? [.. subscriptions];
        await accounts.LookUpDomainsAsync(batch.Select(s => (CustomerId(s), (Customer?)s.Customer)), ct);
        foreach (var s in batch)
        {
            var coupons = new Dictionary<string, Coupon>(StringComparer.Ordinal);
            foreach (var couponId in StripeMrr.CouponIds(s))
                if (await api.CouponAsync(couponId, ct) is { } coupon) coupons[couponId] = coupon;
            var product = await ProductAsync(s, ct);
            if (Problem(s, coupons) is { } problem)
            {
                if (problem.Remove) rows.Delete(File, SourceIds.Of(SourceSystem.Stripe, s.Id));
                skipped.Add(new SyncSkip(StripeCursor.Object, s.Id, problem.Reason));
                continue;
            }
            rows.Add(File, s.Id, Cells(s, coupons, product));
        }
        return (rows, skipped);
    }

    private (bool Remove, string Reason)? Problem(Subscription s, Dictionary<string, Coupon> coupons)
    {
        if (NeverPaid.Contains(s.Status)) return (true, $"status {s.Status}: it never paid");
        var (start, end) = Dates(s);
        if (end <= start) return (true, "it ended before its first paid day (cancelled during its trial)");
        if (!string.Equals(s.Currency, companyCurrency, StringComparison.OrdinalIgnoreCase))
            return (false, $"billed in {s.Currency?.ToUpperInvariant()}, and RevBot's currency is {companyCurrency} (no exchange rates)");
        if (StripeMrr.Of(s, coupons, now).Problem is { } mrrProblem) return (false, mrrProblem);
        var (account, reason) = accounts.Resolve(CustomerId(s), s.Customer);
        return account is null ? (false, reason!) : null;
    }

    private Dictionary<string, string?> Cells(Subscription s, Dictionary<string, Coupon> coupons, string? product)
    {
        var (start, end) = Dates(s);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["subscription_id"] = SourceIds.Of(SourceSystem.Stripe, s.Id),
            ["account_id"] = accounts.Resolve(CustomerId(s), s.Customer).Account,
            ["product"] = product,
            ["mrr"] = StripeMrr.Of(s, coupons, now).Mrr!.Value.ToString("0.##", CultureInfo.InvariantCulture),
            ["start_date"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["end_date"] = end?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    private static string CustomerId(Subscription s) => s.CustomerId ?? s.Customer?.Id ?? "";

    /// <summary>The first paid day, and the first day no longer active (null while ongoing), in the company's zone.</summary>
    private (DateOnly Start, DateOnly? End) Dates(Subscription s)
    {
        var start = s.TrialEnd is { } trialEnd && trialEnd > s.StartDate ? trialEnd : s.StartDate;
        var periodEnd = s.Items?.Data?.Select(i => (DateTime?)i.CurrentPeriodEnd).Max();
        var end = s.EndedAt ?? s.CancelAt ?? (s.CancelAtPeriodEnd ? periodEnd : null);
        return (Day(start), end is { } e ? Day(e) : null);
    }

    private DateOnly Day(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    private async Task<string?> ProductAsync(Subscription s, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var price in (s.Items?.Data ?? []).Select(i => i.Price).Where(p => p?.Recurring?.UsageType != "metered"))
        {
            var name = price.ProductId is { } id ? await api.ProductNameAsync(id, ct) ?? id : price.Nickname;
            if (name is not null && !names.Contains(name)) names.Add(name);
        }
        var joined = string.Join(", ", names);
        return joined.Length == 0 ? null : joined.Length <= 100 ? joined : joined[..100];
    }
}
