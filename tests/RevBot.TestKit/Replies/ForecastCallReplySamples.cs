using RevBot.Core.Domain;
using RevBot.Core.ForecastCalls;
using RevBot.Core.Replies;

namespace RevBot.Testing;

/// <summary>
/// The forecast call's card, form and roll-up as Core builds them (<c>ForecastCallCards</c>), in English and Spanish, at
/// their largest (the most deals a card lists, long names), for the Slack and Teams conformance checks.
/// </summary>
public static class ForecastCallReplySamples
{
    public static IReadOnlyList<(string Name, Reply Reply)> Cards() =>
    [
        ("forecast call card", ForecastCallCards.Card(View(team: false), "en")),
        ("forecast call card in Spanish", ForecastCallCards.Card(View(team: false), "es", "Llamada guardada: compromiso 40 mil $, mejor caso 60 mil $.")),
        ("forecast call team card", ForecastCallCards.Card(View(team: true), "en")),
        ("forecast call rollup", Rollup("en")),
        ("forecast call rollup in Spanish", Rollup("es")),
    ];

    public static IReadOnlyList<(string Name, ReplyForm Form)> Forms() =>
    [
        ("forecast call form", ForecastCallCards.Form(View(team: false), State("en"), "en")),
        ("forecast call form in Spanish", ForecastCallCards.Form(View(team: false), State("es"), "es")),
        ("forecast call team form", ForecastCallCards.Form(View(team: true), State("en"), "en")),
        ("forecast call form with errors", ForecastCallCards.Form(View(team: false), State("en"), "en") is var f
            ? f with { Fields = [.. f.Fields.Select(x => x.Id == "best_case" ? x with { Value = "10", Error = "The best case can't be less than the commit." } : x)] }
            : throw new InvalidOperationException()),
    ];

    private static ReplyFormState State(string language) => new ForecastCallCallState(12, 7, false).Form("0123456789abcdef", language);

    private static Reply Rollup(string language) => ForecastCallCards.Rollup(
        "Forecast call roll-up · Enterprise <EMEA> & Partners · Oct 1 – Dec 31, 2026", "7 of 9 reps called: commit $4.2M, best case $6.1M. The model says $5.3M.",
        [.. Enumerable.Range(1, 12).Select(i => new ReplySectionItem($"Rep {i} <Ana García>: commit $420K · best case $610K · model $530K · vs last week +$22.3K"))],
        [.. Enumerable.Range(1, 12).Select(i => new ReplySectionItem($"In: Hauck <Group> & {i} - platform renewal 2026 · $1.25M · Ana García"))],
        State(language), language);

    private static ForecastCallView View(bool team)
    {
        var call = new ForecastCall
        {
            Id = 12, ScheduleId = 3, Team = "Enterprise", TimeZone = "Europe/Madrid", OpenedAt = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc),
            PeriodStart = new DateOnly(2026, 10, 1), PeriodEnd = new DateOnly(2026, 12, 31),
            RemindAt = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), DeadlineAt = new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc),
            ManagerDeadlineAt = new DateTime(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc),
        };
        var owner = new User { Id = 7, Email = "ana@example.com", Name = "Ana García <Sales> & Co", Role = team ? UserRole.Manager : UserRole.Rep };
        var deals = Enumerable.Range(1, 8).Select(i => new Deal
        {
            Id = $"deal-0000{i:000}", Name = $"Hauck <Group> & {i} - {new string('x', 60)} platform renewal 2026", Amount = 125_000m * i, Stage = "Proposal",
            Status = DealStatus.Open, CloseDate = new DateOnly(2026, 12, i + 1), ForecastCategory = i % 2 == 0 ? ForecastCategory.Commit : null, Version = i,
        }).ToList();
        return new ForecastCallView(call, owner, team, 5_300_000m, 4_500_000m, deals, new ForecastCallNumbers(4_000_000m, 6_000_000m), null, "USD",
            TimeZoneInfo.FindSystemTimeZoneById(call.TimeZone));
    }
}
