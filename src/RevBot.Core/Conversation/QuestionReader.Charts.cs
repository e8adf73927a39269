using RevBot.Core.Conversation.Lexicon;

namespace RevBot.Core.Conversation;

/// <summary>
/// "chart bookings by month", "gráfico de ventas por comercial": the chart words ask for a picture of the answer's
/// series. They are read as a slot of their own (never left over) and mark the question; the series itself comes
/// from the rest of the question. A chart of a metric with no breakdown and no list is a chart over time.
/// </summary>
internal sealed partial class QuestionReader
{
    /// <summary>True when a chart word was read; its spans are taken so no other slot reads them.</summary>
    private bool ReadChart()
    {
        var found = false;
        foreach (var span in spans.Where(s => s.Has(CueKind.Chart)))
        {
            used.Add(span);
            found = true;
        }
        return found;
    }

    /// <summary>"chart bookings" draws bookings over time; "chart bookings by rep" and "chart the top 5 reps" draw their groups.</summary>
    private static bool ChartIsTrend(Slots slots, ListShape list) => slots.Chart && slots.GroupBy is null && !list.IsList;
}
