using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Host.Api;

/// <summary>A deal as <c>GET /api/deals/{id}</c> returns it: enum values in their snake_case spelling, dates as yyyy-MM-dd, and the version for If-Match.</summary>
internal sealed record DealView(
    string Id, string? Name, string? AccountId, string? Account, int? OwnerId, string? Owner, string? OwnerEmail, decimal Amount, string Currency,
    string Stage, string Status, string? ForecastCategory, int? Probability, string? CloseDate, DateTime? ClosedAt, string? LossReason,
    string? NextStep, string? Product, string Type, int Version, decimal? Discount)
{
    public static async Task<DealView?> LoadAsync(RevBotDb db, string id, CancellationToken ct)
    {
        var row = await db.Deals.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { Deal = d, Account = d.Account!.Name, Owner = d.Owner!.Name, OwnerEmail = d.Owner!.Email })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var d = row.Deal;
        return new DealView(d.Id, d.Name, d.AccountId, row.Account, d.OwnerId, row.Owner, row.OwnerEmail, d.Amount, d.Currency, d.Stage,
            EnumText.Format(d.Status), d.ForecastCategory is { } f ? EnumText.Format(f) : null, d.Probability,
            d.CloseDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.ClosedAt, d.LossReason, d.NextStep, d.Product,
            EnumText.Format(d.Type), d.Version, d.Discount);
    }

    public string ETag => $"\"{Version}\"";
}
