using Bogus;
using RevBot.Core.Company;
using RevBot.Core.Domain;

namespace RevBot.Data.Demo;

/// <summary>
/// Builds one deal's life: type, size, owner, source, whether and when it closes, and when it entered each stage.
/// A deal whose planned close lies after "now" is open, sitting in the stage it had reached by then.
/// </summary>
internal sealed class DemoDealPlanner
{
    public const string ClosedWon = "Closed Won";
    public const string ClosedLost = "Closed Lost";

    private static readonly double[] TypeWeightsForCustomers = [0.40, 0.42, 0.18]; // new (another site or team), expansion, renewal

    private readonly DemoSeedOptions _options;
    private readonly DemoTimeline _time;
    private readonly DemoPeople _people;
    private readonly IReadOnlyList<StageDefinition> _stages;
    private readonly IReadOnlyList<string> _lossReasons;
    private readonly double[] _lossReasonWeights;
    private readonly double[] _lostAtStageWeights;

    public DemoDealPlanner(DemoSeedOptions options, DemoTimeline time, DemoPeople people)
    {
        _options = options;
        _time = time;
        _people = people;
        _stages = options.Company.EffectiveStages;
        _lossReasons = options.Company.EffectiveLossReasons;
        // The first reason (price, by default) is the most common; the rest taper off.
        var n = _lossReasons.Count;
        _lossReasonWeights = [.. Enumerable.Range(0, n).Select(i => i == 0 ? 0.3 : 0.7 * (n - i) / (n * (n - 1) / 2.0))];
        // Most lost deals die early in the funnel.
        _lostAtStageWeights = [.. Enumerable.Range(0, _stages.Count).Select(i => (double)(_stages.Count - i))];
    }

    public DealPlan Plan(AccountPlan account, string id, DateTime createdAt, DemoSituation forced, Randomizer r)
    {
        var segment = account.Segment;
        var type = account.ActiveOn(DemoTimeline.Day(createdAt)) ? (DealType)r.PickIndex(TypeWeightsForCustomers) : DealType.New;
        var product = type == DealType.Renewal
            ? account.MainProduct()
            : DemoCatalog.Products[r.PickIndex(type == DealType.Expansion ? DemoCatalog.ExpansionProductWeights : DemoCatalog.ProductWeights)].Name;
        var priceFactor = DemoCatalog.Products.First(p => p.Name == product).PriceFactor;
        var amount = type switch
        {
            DealType.New => r.LogNormal(segment.MedianAmount * priceFactor, segment.AmountSigma),
            DealType.Expansion => r.LogNormal(segment.MedianAmount * priceFactor * 0.4, segment.AmountSigma),
            _ => Math.Max(1_000, 12 * (double)account.MrrOn(DemoTimeline.Day(createdAt))) * r.Between(0.95, 1.12),
        };
        var ownerId = r.Chance(0.85) ? account.Account.OwnerId!.Value : _people.RepIn(account.Region, r);
        var source = type == DealType.Renewal ? null : DemoCatalog.Sources[r.PickIndex(DemoCatalog.SourceWeights)];
        var winRate = type switch
        {
            DealType.New => 0.22 * segment.WinFactor * source!.WinFactor * _people.Rep(ownerId).WinFactor,
            DealType.Expansion => 0.42 * _people.Rep(ownerId).WinFactor,
            _ => forced == DemoSituation.AtRiskAccount ? 1 : 0.85,
        };
        var won = r.Chance(Math.Clamp(winRate, 0.02, 0.97));
        var cycleFactor = type switch { DealType.New => 1.0, DealType.Expansion => 0.7, _ => 0.5 };
        var cycleDays = Math.Clamp(r.LogNormal(segment.CycleDays * cycleFactor, 0.45), 3, 365);
        if (forced is DemoSituation.StuckDeal or DemoSituation.SilentDeal or DemoSituation.PastCloseDate)
        {
            // Made to be open today, whatever the dice said.
            createdAt = _time.Now.AddDays(-r.Between(45, 120));
            cycleDays = (_time.Now - createdAt).TotalDays + r.Between(20, 60);
            won = true;
        }

        var entries = StageTimes(createdAt, cycleDays, r);
        var lostAt = won ? -1 : r.PickIndex(_lostAtStageWeights);
        var end = won ? entries[^1] : entries[lostAt] + ((entries[lostAt + 1] - entries[lostAt]) * r.Between(0.25, 1));
        var reached = won ? _stages.Count : lostAt + 1;
        var expectedClose = DemoTimeline.Day(entries[^1]);
        var deal = new Deal
        {
            Id = id,
            Name = DealName(account.Account.Name, type, product, expectedClose),
            AccountId = account.Account.Id,
            OwnerId = ownerId,
            Amount = RoundAmount(amount),
            Currency = _options.Company.Currency,
            Stage = _stages[0].Name,
            Type = type,
            Product = product,
            Source = source?.Name,
        };
        return end <= _time.Now
            ? Closed(deal, entries[..reached], won, end, r)
            : Open(deal, entries[..reached], expectedClose, segment, forced, r);
    }

    /// <summary>A renewal that is about to come up for an account in trouble.</summary>
    public DealPlan AtRiskRenewal(AccountPlan account, string id, Randomizer r)
    {
        var createdAt = _time.Now.AddDays(-r.Between(15, 50));
        var stage = _stages.Count - 2 + r.Int(0, 1);
        var step = (_time.Now.AddDays(-2) - createdAt) / (stage + 1);
        var entries = new DateTime[stage + 1];
        for (var i = 0; i <= stage; i++) entries[i] = DemoTimeline.Seconds(createdAt + (step * i));
        var closeDate = _time.AsOf.AddDays(r.Int(10, 80));
        var deal = new Deal
        {
            Id = id,
            Name = DealName(account.Account.Name, DealType.Renewal, null, closeDate),
            AccountId = account.Account.Id,
            OwnerId = account.Account.OwnerId,
            Amount = RoundAmount(12 * (double)account.MrrOn(_time.AsOf.AddDays(-1))),
            Currency = _options.Company.Currency,
            Stage = _stages[stage].Name,
            Status = DealStatus.Open,
            Type = DealType.Renewal,
            Product = account.MainProduct(),
            CreatedAt = entries[0],
            CloseDate = closeDate,
            ForecastCategory = r.Chance(0.6) ? ForecastCategory.Commit : ForecastCategory.BestCase,
            NextStep = "Renewal call with the champion",
        };
        var plan = new DealPlan(deal, entries);
        // Half of these renewals (and always the forced one) have stalled: no stage change or activity for two weeks or
        // more. Drawn last, after everything above, so the rest of the account's story is what it was before.
        if (DemoSituations.ForcedAt(account.Index) == DemoSituation.AtRiskAccount || r.Chance(0.5))
        {
            var shift = TimeSpan.FromDays(r.Between(16, 30));
            for (var i = 0; i < entries.Length; i++) entries[i] = DemoTimeline.Seconds(entries[i] - shift);
            deal.CreatedAt = entries[0];
            plan.SilentSince = DemoTimeline.Seconds(entries[^1].AddDays(r.Between(0.5, 1.5)));
        }
        return plan;
    }

    public static decimal RoundAmount(double amount)
    {
        amount = Math.Max(500, amount);
        var step = amount < 10_000 ? 50 : amount < 100_000 ? 100 : 1_000;
        return (decimal)(Math.Round(amount / step) * step);
    }

    private DealPlan Closed(Deal deal, DateTime[] entries, bool won, DateTime end, Randomizer r)
    {
        deal.Status = won ? DealStatus.Won : DealStatus.Lost;
        deal.Stage = won ? ClosedWon : ClosedLost;
        deal.CreatedAt = entries[0];
        deal.ClosedAt = DemoTimeline.Seconds(end);
        deal.CloseDate = DemoTimeline.Day(end);
        if (!won) deal.LossReason = _lossReasons[r.PickIndex(_lossReasonWeights)];
        if (r.Chance(0.06)) deal.Probability = won ? 100 : 0;
        return new DealPlan(deal, entries);
    }

    private DealPlan Open(Deal deal, DateTime[] reached, DateOnly expectedClose, DemoSegment segment, DemoSituation forced, Randomizer r)
    {
        var current = 0;
        while (current + 1 < reached.Length && reached[current + 1] <= _time.Now) current++;
        var entries = reached[..(current + 1)];
        deal.Status = DealStatus.Open;
        deal.Stage = _stages[current].Name;
        deal.CloseDate = expectedClose;
        deal.ForecastCategory = Category((double)current / (_stages.Count - 1), r);
        if (r.Chance(0.15)) deal.Probability = Math.Clamp(_stages[current].Probability + r.Int(-15, 20), 1, 99);
        if (r.Chance(0.8)) deal.NextStep = r.Pick(DemoCatalog.NextSteps);
        var plan = new DealPlan(deal, entries);

        if (forced == DemoSituation.StuckDeal || r.Chance(0.06))
        {
            // Far longer in this stage than deals of its size usually spend there.
            var typical = segment.CycleDays / _stages.Count;
            Fit(entries, _time.Now.AddDays(-Math.Min(600, (typical * r.Between(4, 8)) + r.Between(10, 30))));
            deal.CloseDate = r.Chance(0.6) ? _time.AsOf.AddDays(-r.Int(1, 60)) : _time.AsOf.AddDays(r.Int(5, 60));
        }
        if (forced == DemoSituation.SilentDeal || r.Chance(0.07))
        {
            var since = DemoTimeline.Seconds(_time.Now.AddDays(-r.Between(21, 60)));
            var latest = since.AddDays(-1 - r.Between(0, 10));
            if (entries[^1] > latest) Fit(entries, latest);
            plan.SilentSince = since;
        }
        if (forced == DemoSituation.PastCloseDate || r.Chance(0.08)) deal.CloseDate = _time.AsOf.AddDays(-r.Int(1, 45));
        deal.CreatedAt = entries[0];
        return plan;
    }

    private static ForecastCategory Category(double position, Randomizer r)
    {
        if (r.Chance(0.05)) return ForecastCategory.Omitted;
        if (position < 0.4) return ForecastCategory.Pipeline;
        if (position < 0.7) return r.Chance(0.5) ? ForecastCategory.BestCase : ForecastCategory.Pipeline;
        return r.Chance(0.6) ? ForecastCategory.Commit : ForecastCategory.BestCase;
    }

    /// <summary>Entry into each open stage, plus (last) the moment the final stage would close.</summary>
    private DateTime[] StageTimes(DateTime createdAt, double cycleDays, Randomizer r)
    {
        var n = _stages.Count;
        Span<double> weights = stackalloc double[n];
        var total = 0.0;
        for (var i = 0; i < n; i++) total += weights[i] = r.Between(0.6, 1.5);
        var times = new DateTime[n + 1];
        var at = createdAt;
        times[0] = DemoTimeline.Seconds(at);
        for (var i = 0; i < n; i++)
        {
            at = at.AddDays(cycleDays * weights[i] / total);
            times[i + 1] = DemoTimeline.Seconds(at);
        }
        return times;
    }

    /// <summary>Moves the last entry to <paramref name="last"/>, keeping earlier gaps (squeezed if needed to stay inside the history).</summary>
    private void Fit(DateTime[] entries, DateTime last)
    {
        var floor = _time.HistoryStart.AddDays(1);
        var span = entries[^1] - entries[0];
        var room = last - floor;
        var squeeze = span <= room || span == TimeSpan.Zero ? 1.0 : room / span;
        var old = entries[^1];
        for (var i = 0; i < entries.Length; i++) entries[i] = DemoTimeline.Seconds(last - ((old - entries[i]) * squeeze));
    }

    private static string DealName(string account, DealType type, string? product, DateOnly close) => type switch
    {
        DealType.New => $"{account} - {product}",
        DealType.Expansion => $"{account} - {product} expansion",
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{account} - renewal {close.Year}"),
    };
}
