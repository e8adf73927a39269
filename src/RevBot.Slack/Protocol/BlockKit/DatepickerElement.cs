using System.Globalization;

namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>A date picker; dates travel as <c>YYYY-MM-DD</c>.</summary>
public sealed record DatepickerElement(string ActionId) : BlockElement("datepicker")
{
    public string? InitialDate { get; init; }
    public PlainText? Placeholder { get; init; }

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
