using System.Globalization;
using System.Text.Json.Nodes;
using RevBot.Core.Domain;

namespace RevBot.Core.Deals;

/// <summary>How deal values read on cards and in messages: exact money ("$125,000"), dates, "3 days ago", audit values.</summary>
internal static class DealText
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-US");

    public static string Money(decimal amount, string currency)
    {
        var number = amount.ToString(decimal.Round(amount) == amount ? "#,0" : "#,0.00", Culture);
        return currency switch
        {
            "USD" => "$" + number,
            "EUR" => "€" + number,
            "GBP" => "£" + number,
            _ => $"{currency} {number}",
        };
    }

    public static string Date(DateOnly day) => day.ToString("MMM d, yyyy", Culture);

    public static string Percent(int value) => value.ToString(Culture) + "%";

    public static string Ago(DateTime at, DateTime now)
    {
        var span = now - at;
        return span.TotalSeconds switch
        {
            < 60 => "just now",
            < 3600 => Plural((int)span.TotalMinutes, "minute") + " ago",
            < 86400 => Plural((int)span.TotalHours, "hour") + " ago",
            < 172800 => "yesterday",
            < 86400 * 60 => Plural((int)span.TotalDays, "day") + " ago",
            _ => "on " + Date(DateOnly.FromDateTime(at)),
        };
    }

    public static string Plural(int n, string noun) => $"{n.ToString(Culture)} {noun}{(n == 1 ? "" : "s")}";

    public static string Forecast(ForecastCategory category) => category switch
    {
        ForecastCategory.BestCase => "Best case",
        _ => category.ToString(),
    };

    public static string Channel(ChangeChannel channel) => channel switch
    {
        ChangeChannel.Api => "API",
        ChangeChannel.Cli => "CLI",
        _ => channel.ToString(),
    };

    /// <summary>One audit value as a person reads it: money for amounts, "—" for nothing.</summary>
    public static string Value(string field, JsonNode? value, string currency)
    {
        if (value is null) return "—";
        if (field == DealFields.Amount && value is JsonValue v && v.TryGetValue<decimal>(out var amount)) return Money(amount, currency);
        if (field == DealFields.Probability && value is JsonValue p && p.TryGetValue<int>(out var probability)) return Percent(probability);
        if (field == DealFields.ForecastCategory && EnumText.TryParse<ForecastCategory>(value.ToString(), out var category)) return Forecast(category);
        if (field == DealFields.CloseDate && DateOnly.TryParseExact(value.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return Date(day);
        return value is JsonValue s && s.TryGetValue<string>(out var text) ? text : value.ToJsonString();
    }

    /// <summary>"Jane Cooper changed stage Discovery → Proposal, amount $10,000 → $12,000 · 2 hours ago · Slack".</summary>
    public static string Describe(DealChange change, string currency, DateTime now)
    {
        var who = change.UserName ?? "Someone";
        var what = change.Action switch
        {
            "won" => "marked it won",
            "lost" => "marked it lost" + Reason(change),
            "reopen" => "reopened it",
            "activity" => "logged " + Activity(change),
            "create" => "created it",
            _ => "changed " + string.Join(", ", change.Fields.Where(f => f.Field != DealFields.ClosedAt).Select(f =>
                $"{DealFields.Label(f.Field)} {Value(f.Field, f.Old, currency)} → {Value(f.Field, f.New, currency)}")),
        };
        return $"{who} {what} · {Ago(change.At, now)} · {Channel(change.Channel)}";
    }

    private static string Reason(DealChange change) =>
        change.Fields.FirstOrDefault(f => f.Field == DealFields.LossReason)?.New is { } reason ? $" ({reason})" : "";

    private static string Activity(DealChange change)
    {
        var type = change.Fields.FirstOrDefault(f => f.Field == DealFields.ActivityType)?.New?.ToString() ?? "an activity";
        if (type == "email") type = "an email";
        var subject = change.Fields.FirstOrDefault(f => f.Field == DealFields.Subject)?.New?.ToString();
        var article = type is "email" or "an activity" ? "" : "a ";
        return subject is null ? $"{article}{type}" : $"{article}{type}: {subject}";
    }
}
