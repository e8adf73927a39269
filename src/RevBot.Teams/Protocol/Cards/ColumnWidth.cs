using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RevBot.Teams.Protocol.Cards;

/// <summary>A Column or table column width: "auto", "stretch", a relative weight (a JSON number) or pixels ("50px").</summary>
[JsonConverter(typeof(ColumnWidthConverter))]
public readonly record struct ColumnWidth
{
    private ColumnWidth(string? keyword, int? weight, int? pixels) => (Keyword, Weight, Pixels) = (keyword, weight, pixels);

    public string? Keyword { get; }
    public int? Weight { get; }
    public int? Pixels { get; }

    public static ColumnWidth Auto { get; } = new("auto", null, null);
    public static ColumnWidth Stretch { get; } = new("stretch", null, null);

    public static ColumnWidth Relative(int weight) => new(null, weight > 0 ? weight : throw new ArgumentOutOfRangeException(nameof(weight)), null);

    public static ColumnWidth Px(int pixels) => new(null, null, pixels > 0 ? pixels : throw new ArgumentOutOfRangeException(nameof(pixels)));

    private sealed class ColumnWidthConverter : JsonConverter<ColumnWidth>
    {
        public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number) return Relative(reader.GetInt32());
            var text = reader.GetString() ?? "";
            if (text.EndsWith("px", StringComparison.OrdinalIgnoreCase)) return Px(int.Parse(text[..^2], CultureInfo.InvariantCulture));
            return string.Equals(text, "stretch", StringComparison.OrdinalIgnoreCase) ? Stretch : Auto;
        }

        public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options)
        {
            if (value.Weight is { } weight) writer.WriteNumberValue(weight);
            else if (value.Pixels is { } px) writer.WriteStringValue(px.ToString(CultureInfo.InvariantCulture) + "px");
            else writer.WriteStringValue(value.Keyword ?? "auto");
        }
    }
}
