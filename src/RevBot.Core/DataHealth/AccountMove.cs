using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Storage;

namespace RevBot.Core.DataHealth;

/// <summary>
/// Moves everything that belongs to one account to another, set-based, and records the moved ids so an undo can move
/// exactly those back. Usage days both accounts have cannot both live under one account (the key is account + day):
/// the removed account's rows for those days are kept in the record and restored by an undo.
/// </summary>
internal static class AccountMove
{
    public static async Task<JsonObject> MoveAsync(RevBotDb db, string from, string to, CancellationToken ct)
    {
        var moved = new JsonObject
        {
            ["deals"] = Ids(await db.Deals.Where(d => d.AccountId == from).Select(d => d.Id).ToListAsync(ct)),
            ["activities"] = Ids(await db.Activities.Where(a => a.AccountId == from).Select(a => a.Id).ToListAsync(ct)),
            ["contacts"] = Ids(await db.Contacts.Where(c => c.AccountId == from).Select(c => c.Id).ToListAsync(ct)),
            ["subscriptions"] = Ids(await db.Subscriptions.Where(s => s.AccountId == from).Select(s => s.Id).ToListAsync(ct)),
            ["tickets"] = Ids(await db.Tickets.Where(t => t.AccountId == from).Select(t => t.Id).ToListAsync(ct)),
        };
        var survivorDays = db.Usage.Where(u => u.AccountId == to).Select(u => u.Date);
        var clashes = await db.Usage.AsNoTracking().Where(u => u.AccountId == from && survivorDays.Contains(u.Date)).ToListAsync(ct);
        moved["removedUsage"] = JsonSerializer.SerializeToNode(clashes);
        moved["usage"] = JsonSerializer.SerializeToNode(await db.Usage.Where(u => u.AccountId == from && !survivorDays.Contains(u.Date)).Select(u => u.Date).ToListAsync(ct));

        // Moving a deal to another account changes it: its version moves on, so a card open on the old account is stale.
        await db.Deals.Where(d => d.AccountId == from).ExecuteUpdateAsync(s => s.SetProperty(d => d.AccountId, to).SetProperty(d => d.Version, d => d.Version + 1), ct);
        await db.Activities.Where(a => a.AccountId == from).ExecuteUpdateAsync(s => s.SetProperty(a => a.AccountId, to), ct);
        await db.Contacts.Where(c => c.AccountId == from).ExecuteUpdateAsync(s => s.SetProperty(c => c.AccountId, to), ct);
        await db.Subscriptions.Where(x => x.AccountId == from).ExecuteUpdateAsync(s => s.SetProperty(x => x.AccountId, to), ct);
        await db.Tickets.Where(t => t.AccountId == from).ExecuteUpdateAsync(s => s.SetProperty(t => t.AccountId, to), ct);
        await db.Usage.Where(u => u.AccountId == from && survivorDays.Contains(u.Date)).ExecuteDeleteAsync(ct);
        await db.Usage.Where(u => u.AccountId == from).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccountId, to), ct);
        return moved;
    }

    /// <summary>Moves back exactly the recorded rows (those still at the survivor) and restores the removed usage days.</summary>
    public static async Task MoveBackAsync(RevBotDb db, JsonObject moved, string from, string to, CancellationToken ct)
    {
        var deals = Read(moved, "deals");
        var activities = Read(moved, "activities");
        var contacts = Read(moved, "contacts");
        var subscriptions = Read(moved, "subscriptions");
        var tickets = Read(moved, "tickets");
        var days = moved["usage"]?.Deserialize<List<DateOnly>>() ?? [];
        await db.Deals.Where(d => d.AccountId == from && deals.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.AccountId, to).SetProperty(d => d.Version, d => d.Version + 1), ct);
        await db.Activities.Where(a => a.AccountId == from && activities.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.AccountId, to), ct);
        await db.Contacts.Where(c => c.AccountId == from && contacts.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.AccountId, to), ct);
        await db.Subscriptions.Where(x => x.AccountId == from && subscriptions.Contains(x.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.AccountId, to), ct);
        await db.Tickets.Where(t => t.AccountId == from && tickets.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.AccountId, to), ct);
        await db.Usage.Where(u => u.AccountId == from && days.Contains(u.Date)).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccountId, to), ct);
        db.Usage.AddRange(moved["removedUsage"]?.Deserialize<List<ProductUsage>>() ?? []);
    }

    /// <summary>"moved 3 deals, 2 contacts", in <paramref name="language"/>.</summary>
    public static string Summary(JsonObject moved, string language)
    {
        var parts = new[]
            {
                ("deals", nameof(Catalog.DataHealthMovedDeals)), ("activities", nameof(Catalog.DataHealthMovedActivities)),
                ("contacts", nameof(Catalog.DataHealthMovedContacts)), ("subscriptions", nameof(Catalog.DataHealthMovedSubscriptions)),
                ("tickets", nameof(Catalog.DataHealthMovedTickets)),
            }
            .Select(k => (Key: k.Item2, Count: (moved[k.Item1] as JsonArray)?.Count ?? 0)).Where(p => p.Count > 0).Select(p => Texts.Get(language, p.Key, p.Count));
        var text = string.Join(", ", parts);
        return text.Length == 0 ? Texts.Get(language, nameof(Catalog.DataHealthNothingToMove)) : Texts.Get(language, nameof(Catalog.DataHealthMoved), text);
    }

    private static JsonArray Ids(List<string> ids) => [.. ids.Select(id => (JsonNode?)id)];

    private static List<string> Read(JsonObject moved, string key) => moved[key]?.Deserialize<List<string>>() ?? [];
}
