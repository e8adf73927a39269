using RevBot.Core.Domain;

namespace RevBot.Core.Deals;

/// <summary>The changeable values of a deal, so a change is planned as "these values" and compared field by field.</summary>
public sealed record DealValues(
    string Stage,
    decimal Amount,
    DateOnly? CloseDate,
    ForecastCategory? ForecastCategory,
    int? Probability,
    string? NextStep,
    DealStatus Status,
    string? LossReason,
    DateTime? ClosedAt,
    decimal? Discount = null)
{
    public static DealValues Of(Deal deal) =>
        new(deal.Stage, deal.Amount, deal.CloseDate, deal.ForecastCategory, deal.Probability, deal.NextStep, deal.Status, deal.LossReason, deal.ClosedAt, deal.Discount);

    public void ApplyTo(Deal deal)
    {
        deal.Stage = Stage;
        deal.Amount = Amount;
        deal.CloseDate = CloseDate;
        deal.ForecastCategory = ForecastCategory;
        deal.Probability = Probability;
        deal.NextStep = NextStep;
        deal.Status = Status;
        deal.LossReason = LossReason;
        deal.ClosedAt = ClosedAt;
        deal.Discount = Discount;
    }
}
