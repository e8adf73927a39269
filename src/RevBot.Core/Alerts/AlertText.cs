using RevBot.Core.Answers;
using RevBot.Core.Localization;

namespace RevBot.Core.Alerts;

/// <summary>
/// The words of alerts in one language (texts in the catalog: a scan's reasons, a message's facts, stored reasons
/// written for their reader, <see cref="AlertWords"/>), with the answers' number formats
/// (<see cref="AnswerFormatter"/>, compact money): "$50K", "46%", "Nov 15" / "50 mil $", "46 %", "15 nov".
/// </summary>
internal sealed class AlertText(string language, string currency, DateOnly? today = null)
{
    private readonly AnswerFormatter _format = new(language, currency);

    public string Language => language;

    /// <summary>The company's currency, the one reason amounts are in.</summary>
    public string Currency => currency;

    /// <summary>The catalog's sentence in this language.</summary>
    public string Get(string key, params object?[] args) => Texts.Get(language, key, args);

    /// <summary>"1 day" / "12 days" ("1 día" / "12 días").</summary>
    public string Days(int days) => Count(days, nameof(Catalog.AlertDaysOne), nameof(Catalog.AlertDaysOther));

    public string Times(int times) => Count(times, nameof(Catalog.AlertTimesOne), nameof(Catalog.AlertTimesOther));

    /// <summary>A count in the sentence for one or for several (<paramref name="one"/>, <paramref name="other"/>: catalog keys with the count as {0}).</summary>
    public string Count(int n, string one, string other) => Get(n == 1 ? one : other, _format.Count(n));

    /// <summary>A whole number the language's way: "1,250" ("1.250").</summary>
    public string Whole(int n) => _format.Count(n);

    /// <summary>A fraction as a whole percentage: 0.456 → "46%" ("46 %").</summary>
    public string Percent(double fraction) => Formats.Percent((decimal)fraction, language, decimals: 0);

    /// <summary>A day count that may have a fraction (a stage norm): "21" or "12.8" ("12,8").</summary>
    public string Number(double value) => Formats.Decimal((decimal)value, language, 1, trimZeros: true);

    /// <summary>One decimal: a satisfaction average, "1.8" ("1,8").</summary>
    public string Decimal(double value) => Formats.Decimal((decimal)value, language, 1);

    public string Money(decimal amount) => _format.Money(amount);

    /// <summary>"Nov 15"; with the year when the scan's day is known and in another year ("Jan 30, 2027").</summary>
    public string Date(DateOnly day) => Formats.Date(day, language, DateStyle.Short, today);
}
