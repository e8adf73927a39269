using RevBot.Core.Answers;

namespace RevBot.Core.Alerts;

/// <summary>
/// The words of alert reasons in English or Spanish, with the answers' number formats (<see cref="AnswerFormatter"/>):
/// "$50K", "46%", "Nov 15" / "50 mil $", "46 %", "15 nov".
/// </summary>
internal sealed class AlertText(string language, string currency)
{
    private readonly AnswerFormatter _format = new(language, currency);

    public bool Spanish => _format.Spanish;

    /// <summary>"1 day" / "12 days" ("1 día" / "12 días").</summary>
    public string Days(int days) => Quantity(days, Pick("day", "día"), Pick("days", "días"));

    public string Times(int times) => Quantity(times, Pick("time", "vez"), Pick("times", "veces"));

    /// <summary>A count and the word for one or for several, already in the reader's language.</summary>
    public string Quantity(int n, string one, string many) => $"{_format.Count(n)} {(n == 1 ? one : many)}";

    /// <summary>A fraction as a whole percentage: 0.456 → "46%" ("46 %").</summary>
    public string Percent(double fraction) =>
        Math.Round(fraction * 100, MidpointRounding.AwayFromZero).ToString("0", _format.Culture) + (Spanish ? " %" : "%");

    /// <summary>A day count that may have a fraction (a stage norm): "21" or "12.8" ("12,8").</summary>
    public string Number(double value) => value.ToString("0.#", _format.Culture);

    /// <summary>One decimal: a satisfaction average, "1.8" ("1,8").</summary>
    public string Decimal(double value) => value.ToString("0.0", _format.Culture);

    public string Money(decimal amount) => _format.Money(amount);

    public string Date(DateOnly day) => _format.Date(day, withYear: false);

    public string Pick(string english, string spanish) => Spanish ? spanish : english;
}
