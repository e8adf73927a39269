using Microsoft.EntityFrameworkCore.Metadata;

namespace RevBot.Data.Csv;

/// <summary>
/// Compares a stored row with an imported one over the columns an import sets: every mapped property but the key
/// and the concurrency token. Money compares in cents, since SQLite gives amounts back as REAL.
/// </summary>
internal sealed class RowComparer<T> where T : class
{
    private readonly IProperty[] _keys;
    private readonly IProperty[] _compared;

    public RowComparer(IModel model)
    {
        var type = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        _keys = [.. type.FindPrimaryKey()!.Properties];
        _compared = [.. type.GetProperties().Where(p => !p.IsPrimaryKey() && !p.IsConcurrencyToken && !p.IsShadowProperty() && !ByDatabase(p))];
    }

    /// <summary>Columns the database keeps itself (a trigger's left_at) are no part of what a file says.</summary>
    public static bool ByDatabase(IProperty property) => property.ValueGenerated == ValueGenerated.OnAddOrUpdate;

    public bool Same(T stored, T imported)
    {
        foreach (var property in _compared)
        {
            var getter = property.GetGetter();
            if (!SameValue(getter.GetClrValue(stored), getter.GetClrValue(imported))) return false;
        }
        return true;
    }

    /// <summary>Gives the imported row the stored row's key (a generated id for rows matched on a natural key).</summary>
    public void CopyKey(T stored, T imported)
    {
        foreach (var property in _keys) property.PropertyInfo!.SetValue(imported, property.GetGetter().GetClrValue(stored));
    }

    private static bool SameValue(object? a, object? b) => (a, b) switch
    {
        (decimal x, decimal y) => Math.Round(x, 2, MidpointRounding.AwayFromZero) == Math.Round(y, 2, MidpointRounding.AwayFromZero),
        _ => Equals(a, b),
    };
}
