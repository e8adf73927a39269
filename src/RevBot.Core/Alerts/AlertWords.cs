using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RevBot.Core.Alerts;

/// <summary>
/// An alert reason as data, so it can be written in any catalog language when it is shown, not only in the scan's: a
/// catalog sentence with its arguments, each itself words (a count of days, a percentage, an amount in its currency, a
/// date, a stage name said as it is). Stored as JSON in <c>alerts.reason_data</c>; a row written before it existed has
/// only its text, which is shown as it is (<see cref="Read"/>), and so is a stored sentence whose key a later catalog
/// lost.
/// </summary>
public sealed record AlertWords
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>What the words are: "say" (a catalog sentence), "lit" (said as it is), "days", "times", "count", "pct", "num", "dec", "money", "date", "join".</summary>
    [JsonPropertyName("f")] public required string Form { get; init; }

    /// <summary>The catalog key ("say"), or the key for one ("count").</summary>
    [JsonPropertyName("k")] public string? Key { get; init; }

    /// <summary>The key for several ("count").</summary>
    [JsonPropertyName("o")] public string? OtherKey { get; init; }

    [JsonPropertyName("a")] public IReadOnlyList<AlertWords>? Args { get; init; }

    /// <summary>The text said as it is ("lit"), the currency ("money") or the ISO day ("date").</summary>
    [JsonPropertyName("s")] public string? Text { get; init; }

    [JsonPropertyName("n")] public decimal? Amount { get; init; }

    /// <summary>What is shown when the words cannot be written (a key no catalog has any more): the stored text.</summary>
    [JsonIgnore] public string? Fallback { get; init; }

    public static AlertWords Say(string key, params AlertWords[] args) => new() { Form = "say", Key = key, Args = args };

    public static AlertWords Plain(string text) => new() { Form = "lit", Text = text };

    public static AlertWords Days(int days) => new() { Form = "days", Amount = days };

    public static AlertWords Times(int times) => new() { Form = "times", Amount = times };

    /// <summary>A count in the sentence for one or for several (catalog keys with the count as {0}).</summary>
    public static AlertWords Count(int n, string one, string other) => new() { Form = "count", Amount = n, Key = one, OtherKey = other };

    /// <summary>A whole number written the language's way ("1,250" / "1.250").</summary>
    public static AlertWords Whole(int n) => new() { Form = "count", Amount = n };

    /// <summary>A fraction as a whole percentage: 0.456 → "46%" ("46 %").</summary>
    public static AlertWords Percent(double fraction) => new() { Form = "pct", Amount = (decimal)fraction };

    /// <summary>A day count that may have a fraction (a stage norm): "21" or "12.8" ("12,8").</summary>
    public static AlertWords Number(double value) => new() { Form = "num", Amount = (decimal)value };

    /// <summary>One decimal: "1.8" ("1,8").</summary>
    public static AlertWords Decimal(double value) => new() { Form = "dec", Amount = (decimal)value };

    public static AlertWords Money(decimal amount, string currency) => new() { Form = "money", Amount = amount, Text = currency };

    public static AlertWords Date(DateOnly day) => new() { Form = "date", Text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };

    /// <summary>Parts in a row, ", " between them.</summary>
    public static AlertWords Join(IReadOnlyList<AlertWords> parts) => new() { Form = "join", Args = parts };

    /// <summary>A stored text shown as it is (a reason written before reasons were data, a test's sample).</summary>
    public static implicit operator AlertWords(string text) => Plain(text);

    /// <summary>The words in <paramref name="language"/>; the stored text when they cannot be written.</summary>
    public string Render(string language)
    {
        try
        {
            return Write(new AlertText(language, ""));
        }
        catch (Exception e) when (e is KeyNotFoundException or FormatException or InvalidOperationException or ArgumentException)
        {
            return Fallback ?? "";
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The stored reason: its words when it has them (and they read), else its text as it is.</summary>
    public static AlertWords Read(string? json, string text)
    {
        if (string.IsNullOrEmpty(json)) return Plain(text);
        try
        {
            return (JsonSerializer.Deserialize<AlertWords>(json, Json) ?? Plain(text)) with { Fallback = text };
        }
        catch (JsonException)
        {
            return Plain(text);
        }
    }

    private string Write(AlertText t) => Form switch
    {
        "say" => t.Get(Key!, [.. (Args ?? []).Select(a => (object?)a.Write(t))]),
        "lit" => Text ?? "",
        "days" => t.Days(Whole()),
        "times" => t.Times(Whole()),
        "count" => Key is null ? t.Whole(Whole()) : t.Count(Whole(), Key, OtherKey ?? Key),
        "pct" => t.Percent((double)Value()),
        "num" => t.Number((double)Value()),
        "dec" => t.Decimal((double)Value()),
        "money" => new AlertText(t.Language, Text ?? "").Money(Value()),
        "date" => t.Date(DateOnly.ParseExact(Text ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture)),
        "join" => string.Join(", ", (Args ?? []).Select(a => a.Write(t))),
        _ => throw new InvalidOperationException($"Unknown alert words form '{Form}'."),
    };

    private decimal Value() => Amount ?? throw new InvalidOperationException($"Alert words '{Form}' without a number.");

    private int Whole() => (int)Value();
}
