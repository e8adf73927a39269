using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace RevBot.Core.DataHealth;

/// <summary>
/// A record's every column as JSON, from the EF model rather than a hand-kept list, so an undo restores a column added
/// later too. Also fills a survivor's empty fields from the record merged into it, noting each as [old, new].
/// </summary>
internal static class RecordSnapshot
{
    public static JsonObject Take(EntityEntry entry)
    {
        var json = new JsonObject();
        foreach (var p in entry.Properties)
            json[p.Metadata.Name] = JsonSerializer.SerializeToNode(p.CurrentValue, p.Metadata.ClrType);
        return json;
    }

    public static void Restore(EntityEntry entry, JsonObject json)
    {
        foreach (var p in entry.Properties)
        {
            if (json.TryGetPropertyValue(p.Metadata.Name, out var value))
                p.CurrentValue = value?.Deserialize(p.Metadata.ClrType);
        }
    }

    public static JsonObject Fill(EntityEntry survivor, EntityEntry loser, IEnumerable<string> fields)
    {
        var filled = new JsonObject();
        foreach (var name in fields)
        {
            var target = survivor.Property(name);
            var source = loser.Property(name).CurrentValue;
            if (target.CurrentValue is not null || source is null) continue;
            target.CurrentValue = source;
            filled[name] = new JsonArray(null, JsonSerializer.SerializeToNode(source, target.Metadata.ClrType));
        }
        return filled;
    }

    /// <summary>Puts back what <see cref="Fill"/> set, where the survivor still has the value the merge gave it.</summary>
    public static void Unfill(EntityEntry survivor, JsonObject? filled)
    {
        foreach (var (name, pair) in filled ?? [])
        {
            var property = survivor.Property(name);
            var given = pair is JsonArray { Count: 2 } a ? a[1]?.Deserialize(property.Metadata.ClrType) : null;
            if (Equals(property.CurrentValue, given)) property.CurrentValue = null;
        }
    }
}
