using System.Text.Json.Nodes;
using RevBot.Core.Deals;
using RevBot.Core.Domain;

namespace RevBot.Host.Api;

/// <summary>One audit entry of <c>GET /api/deals/{id}/history</c>: who, when, from where, and each field's [old, new].</summary>
internal sealed record DealHistoryEntry(long Id, DateTime At, int? UserId, string? User, string Channel, string Action, int? Version, JsonObject Changes)
{
    public static DealHistoryEntry From(DealChange c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var changes = new JsonObject();
        foreach (var f in c.Fields) changes[f.Field] = new JsonArray(f.Old?.DeepClone(), f.New?.DeepClone());
        return new DealHistoryEntry(c.Id, c.At, c.UserId, c.UserName, EnumText.Format(c.Channel), c.Action, c.Version, changes);
    }
}
