using System.Globalization;
using System.Text.Json.Nodes;
using RevBot.Core.Domain;
using RevBot.Core.Localization;

namespace RevBot.Core.Deals;

/// <summary>
/// How deal values read on cards and in messages, in the reader's language, by the one formatter (<see cref="Formats"/>):
/// exact money ("$125,000" / "125.000 $"), long dates ("Dec 12, 2026" / "12 dic 2026"), "3 days ago", audit values. Callers that have no reader yet (hand-offs, merges) get English.
/// </summary>
internal static class DealText
{
    /// <summary>Deal cards, forms and confirmations read amounts exactly (<see cref="MoneyStyle.Exact"/>): "$125,000" / "125.000 $".</summary>
    public static string Money(decimal amount, string currency, string language = Texts.Neutral) =>
        Formats.Money(amount, currency, language, MoneyStyle.Exact);

    public static string Date(DateOnly day, string language = Texts.Neutral) => Formats.Date(day, language, DateStyle.Long);

    public static string Percent(int value, string language = Texts.Neutral) => Formats.Percent(value / 100m, language, decimals: 0);

    public static string Ago(DateTime at, DateTime now, string language = Texts.Neutral)
    {
        var span = now - at;
        return span.TotalSeconds switch
        {
            < 60 => Texts.Get(language, nameof(Catalog.DealAgoJustNow)),
            < 3600 => Count(language, (int)span.TotalMinutes, nameof(Catalog.DealAgoMinutesOne), nameof(Catalog.DealAgoMinutesOther)),
            < 86400 => Count(language, (int)span.TotalHours, nameof(Catalog.DealAgoHoursOne), nameof(Catalog.DealAgoHoursOther)),
            < 172800 => Texts.Get(language, nameof(Catalog.DealAgoYesterday)),
            < 86400 * 60 => Count(language, (int)span.TotalDays, nameof(Catalog.DealAgoDaysOne), nameof(Catalog.DealAgoDaysOther)),
            _ => Texts.Get(language, nameof(Catalog.DealAgoOn), Date(DateOnly.FromDateTime(at), language)),
        };
    }

    public static string Days(int n, string language) => Count(language, n, nameof(Catalog.DealDaysOne), nameof(Catalog.DealDaysOther));

    private static string Count(string language, int n, string one, string other) => Formats.Count(n, language, one, other);

    public static string Forecast(ForecastCategory category, string language = Texts.Neutral) => category switch
    {
        ForecastCategory.Pipeline => Texts.Get(language, nameof(Catalog.DealForecastPipeline)),
        ForecastCategory.BestCase => Texts.Get(language, nameof(Catalog.DealForecastBestCase)),
        ForecastCategory.Commit => Texts.Get(language, nameof(Catalog.DealForecastCommit)),
        ForecastCategory.Omitted => Texts.Get(language, nameof(Catalog.DealForecastOmitted)),
        _ => category.ToString(),
    };

    public static string Channel(ChangeChannel channel) => channel switch
    {
        ChangeChannel.Api => "API",
        ChangeChannel.Cli => "CLI",
        _ => channel.ToString(),
    };

    /// <summary>One audit value as a person reads it: money for amounts, "—" for nothing.</summary>
    public static string Value(string field, JsonNode? value, string currency, string language = Texts.Neutral)
    {
        if (value is null) return "—";
        if (field == DealFields.Amount && value is JsonValue v && v.TryGetValue<decimal>(out var amount)) return Money(amount, currency, language);
        if (field == DealFields.Probability && value is JsonValue p && p.TryGetValue<int>(out var probability)) return Percent(probability, language);
        if (field == DealFields.Discount && value is JsonValue o && o.TryGetValue<decimal>(out var off)) return Formats.Percent(off / 100m, language, off % 1 == 0 ? 0 : 1);
        if (field == DealFields.ForecastCategory && EnumText.TryParse<ForecastCategory>(value.ToString(), out var category)) return Forecast(category, language);
        if (field == DealFields.CloseDate && DateOnly.TryParseExact(value.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return Date(day, language);
        return value is JsonValue s && s.TryGetValue<string>(out var text) ? text : value.ToJsonString();
    }

    /// <summary>"Jane Cooper changed stage Discovery → Proposal, amount $10,000 → $12,000 · 2 hours ago · Slack".</summary>
    public static string Describe(DealChange change, string currency, DateTime now, string language = Texts.Neutral)
    {
        var who = change.UserName ?? Texts.Get(language, nameof(Catalog.DealSomeone));
        var reason = change.Fields.FirstOrDefault(f => f.Field == DealFields.LossReason)?.New;
        var what = change.Action switch
        {
            "won" => Texts.Get(language, nameof(Catalog.DealChangeWon), who),
            "lost" when reason is not null => Texts.Get(language, nameof(Catalog.DealChangeLostReason), who, reason.ToString()),
            "lost" => Texts.Get(language, nameof(Catalog.DealChangeLost), who),
            "reopen" => Texts.Get(language, nameof(Catalog.DealChangeReopened), who),
            "activity" => Activity(change, who, language),
            "create" => Texts.Get(language, nameof(Catalog.DealChangeCreated), who),
            _ => Texts.Get(language, nameof(Catalog.DealChangeFields), who, string.Join(", ", change.Fields.Where(f => f.Field != DealFields.ClosedAt).Select(f =>
                Texts.Get(language, nameof(Catalog.DealChangeField), FieldLabel(f.Field, language), Value(f.Field, f.Old, currency, language), Value(f.Field, f.New, currency, language))))),
        };
        return $"{what} · {Ago(change.At, now, language)} · {Channel(change.Channel)}";
    }

    /// <summary>How a field is named in a sentence ("close date").</summary>
    public static string FieldLabel(string field, string language) => field switch
    {
        DealFields.Stage => Texts.Get(language, nameof(Catalog.DealFieldStage)),
        DealFields.Amount => Texts.Get(language, nameof(Catalog.DealFieldAmount)),
        DealFields.CloseDate => Texts.Get(language, nameof(Catalog.DealFieldCloseDate)),
        DealFields.ForecastCategory => Texts.Get(language, nameof(Catalog.DealFieldForecastCategory)),
        DealFields.Probability => Texts.Get(language, nameof(Catalog.DealFieldProbability)),
        DealFields.NextStep => Texts.Get(language, nameof(Catalog.DealFieldNextStep)),
        DealFields.Status => Texts.Get(language, nameof(Catalog.DealFieldStatus)),
        DealFields.LossReason => Texts.Get(language, nameof(Catalog.DealFieldLossReason)),
        DealFields.Discount => Texts.Get(language, nameof(Catalog.DealFieldDiscount)),
        DealFields.ClosedAt => Texts.Get(language, nameof(Catalog.DealFieldClosedAt)),
        DealFields.ActivityType => Texts.Get(language, nameof(Catalog.DealFieldActivityType)),
        DealFields.Subject => Texts.Get(language, nameof(Catalog.DealFieldSubject)),
        _ => field,
    };

    /// <summary>"Call", "Email"…: an activity type as the log form and the card name it.</summary>
    public static string ActivityName(string type, string language) => type switch
    {
        "call" => Texts.Get(language, nameof(Catalog.DealFormCall)),
        "email" => Texts.Get(language, nameof(Catalog.DealFormEmail)),
        "meeting" => Texts.Get(language, nameof(Catalog.DealFormMeeting)),
        "note" => Texts.Get(language, nameof(Catalog.DealFormNote)),
        "" => type,
        _ => $"{char.ToUpperInvariant(type[0])}{type[1..]}",
    };

    /// <summary>"logged a call: Pricing call"; a type RevBot has no word for is shown as stored.</summary>
    private static string Activity(DealChange change, string who, string language)
    {
        var type = change.Fields.FirstOrDefault(f => f.Field == DealFields.ActivityType)?.New?.ToString();
        var noun = type switch
        {
            null => Texts.Get(language, nameof(Catalog.DealActivityAny)),
            "call" => Texts.Get(language, nameof(Catalog.DealActivityCall)),
            "email" => Texts.Get(language, nameof(Catalog.DealActivityEmail)),
            "meeting" => Texts.Get(language, nameof(Catalog.DealActivityMeeting)),
            "note" => Texts.Get(language, nameof(Catalog.DealActivityNote)),
            _ => Texts.Get(language, nameof(Catalog.DealActivityOther), type),
        };
        var subject = change.Fields.FirstOrDefault(f => f.Field == DealFields.Subject)?.New?.ToString();
        return subject is null
            ? Texts.Get(language, nameof(Catalog.DealChangeLogged), who, noun)
            : Texts.Get(language, nameof(Catalog.DealChangeLoggedSubject), who, noun, subject);
    }
}
