using RevBot.Core.Domain;

namespace RevBot.Data.Demo;

/// <summary>
/// Sums gathered while the deals stream past, for the few company-level rows that must agree with them
/// (quotas, forecasts, spend). Its size depends on reps and months, never on the number of deals.
/// </summary>
internal sealed class DemoTotals(DemoTimeline time)
{
    private readonly Dictionary<(int Owner, int Quarter), decimal> _won = [];
    private readonly Dictionary<int, decimal> _openThisQuarter = [];

    /// <summary>Won new and expansion bookings over the whole history, what marketing and sales spend buys.</summary>
    public decimal NewBookings { get; private set; }

    public decimal WonTotal { get; private set; }

    public void Add(Deal deal)
    {
        if (deal.OwnerId is not { } owner) return;
        if (deal.Status == DealStatus.Won)
        {
            var key = (owner, time.QuarterOf(deal.CloseDate!.Value));
            _won[key] = _won.GetValueOrDefault(key) + deal.Amount;
            WonTotal += deal.Amount;
            if (deal.Type != DealType.Renewal) NewBookings += deal.Amount;
        }
        else if (deal.Status == DealStatus.Open && deal.CloseDate is { } close && time.QuarterOf(close) == time.CurrentQuarter)
        {
            var weight = deal.ForecastCategory switch
            {
                ForecastCategory.Commit => 0.9m,
                ForecastCategory.BestCase => 0.5m,
                ForecastCategory.Pipeline => 0.15m,
                _ => 0m,
            };
            _openThisQuarter[owner] = _openThisQuarter.GetValueOrDefault(owner) + (deal.Amount * weight);
        }
    }

    public decimal Won(int owner, int quarter) => _won.GetValueOrDefault((owner, quarter));

    /// <summary>What an owner's open deals closing this quarter are worth, weighted by forecast category.</summary>
    public decimal OpenThisQuarter(int owner) => _openThisQuarter.GetValueOrDefault(owner);
}
