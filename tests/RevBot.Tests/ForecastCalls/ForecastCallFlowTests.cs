using Microsoft.EntityFrameworkCore;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Deals;
using RevBot.Core.Digests;
using RevBot.Core.Digests.Scheduling;
using RevBot.Core.Domain;
using RevBot.Core.ForecastCalls;
using RevBot.Core.Outbox;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Testing.Deals;
using static RevBot.Tests.ForecastCalls.ForecastCallWorld;

namespace RevBot.Tests.ForecastCalls;

/// <summary>
/// The weekly call end to end in Core, on SQLite and PostgreSQL: the slot opens the call (a card per rep, once), the
/// rep submits through the card's form (a twin delivery stores once, a deal marked into commit goes through the deal
/// command path), someone else's call and a late call are refused, the reminder goes to who has not called, the
/// deadline sends each manager their line and RevOps the company, and the stored calls answer questions.
/// </summary>
public sealed class ForecastCallFlowTests
{
    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task A_call_opens_once_takes_each_submission_once_reminds_and_rolls_up_by_reporting_line(DbProvider provider)
    {
        TestDatabase.RequireProvider(provider);
        await using var w = await CreateAsync(provider);

        // Friday: the configured schedule becomes a digest_schedules row, nothing is due.
        Assert.Empty(await w.TickAtAsync(DealWorld.Now));
        var schedule = await w.Services.QueryAsync(db => db.DigestSchedules.AsNoTracking().SingleAsync(s => s.Kind == ForecastCallKinds.Schedule, Ct));
        Assert.Equal((Team, "0 9 * * 1", DealWorld.TimeZone), (schedule.Team, schedule.Cron, schedule.TimeZone));

        // Monday 9:00 New York: one card per rep of the team, and a second tick (or instance) opens nothing more.
        var opened = Assert.Single(await w.TickAtAsync(Opens.AddSeconds(10)));
        Assert.Equal(DigestSlotOutcomes.Posted, opened.Outcome);
        Assert.Empty(await w.TickAtAsync(Opens.AddSeconds(20)));
        var cards = await w.OutboxAsync();
        Assert.Equal(new[] { await w.Services.UserIdAsync(DealWorld.Rob), await w.Services.UserIdAsync(DealWorld.Rae) }.Order(), cards.Select(m => m.RecipientUserId!.Value).Order());
        var rob = await w.CardForAsync(DealWorld.Rob);
        Assert.Equal(("Forecast call · Oct 1 – Dec 31, 2026", ReplyKind.Card), (rob.Title, rob.Kind));
        Assert.Equal("Rob Rep, your commit and best case for Oct 1 – Dec 31, 2026, please, by Wednesday 2 December 2026 at 09:00 (America/New_York).", rob.Text);
        var facts = rob.Facts.ToDictionary(f => f.Label, f => f.Value);
        Assert.Equal(("$50K", "none", "none"), (facts["Open pipeline closing this quarter"], facts["Last week's call"], facts["This week's call"]));
        Assert.Equal(["Acme Corporation - renewal 2026 · $50K · closes Dec 15 · Best case"], rob.Sections.Single().Items.Select(i => i.Text));

        // Someone else's call: refused on the button and on the form, nothing stored.
        var submit = rob.Actions.Single(a => a.Id == ForecastCallActionIds.Open);
        var notYours = await w.PressAsync(DealWorld.Rae, submit);
        Assert.Equal((ReplyKind.Refused, "This is Rob Rep's forecast call: only they can submit it. Nothing was saved."), (notYours.Kind, notYours.Text));
        var form = (await w.PressAsync(DealWorld.Rob, submit)).Form!;
        Assert.Equal(["commit", "best_case", "deal:1:deal-1"], form.Fields.Select(f => f.Id));
        var values = new Dictionary<string, string?> { ["commit"] = "40000", ["best_case"] = "60000", ["deal:1:deal-1"] = "commit" };
        Assert.Equal(ReplyKind.Refused, (await w.SubmitAsync(DealWorld.Rae, form, values)).Kind);
        Assert.Empty(await w.SnapshotsAsync());

        // A best case below the commit comes back on its field; the corrected form is saved, and its twin delivery stores nothing more.
        var bad = await w.SubmitAsync(DealWorld.Rob, form, new Dictionary<string, string?>(values) { ["best_case"] = "30000" });
        Assert.Equal("The best case can't be less than the commit.", bad.Form!.Fields.Single(f => f.Id == "best_case").Error);
        var saved = await w.SubmitAsync(DealWorld.Rob, form, values);
        Assert.Equal("Call saved: commit $40K, best case $60K. 1 deal's forecast category changed.", saved.Notice);
        var twin = await w.SubmitAsync(DealWorld.Rob, form, values);
        Assert.Equal(saved.Notice, twin.Notice);
        var snapshots = await w.SnapshotsAsync();
        Assert.Equal([("commit", 40000m), ("best_case", 60000m)], snapshots.Select(f => (f.Kind, f.Amount)));
        var robId = await w.Services.UserIdAsync(DealWorld.Rob);
        Assert.All(snapshots, f => Assert.Equal((robId, new DateOnly(2026, 10, 1)), (f.OwnerId!.Value, f.PeriodStart)));
        var deal = await w.Services.DealAsync(DealWorld.AcmeRenewal);
        Assert.Equal((ForecastCategory.Commit, 2), (deal.ForecastCategory, deal.Version));
        Assert.Equal(1, await w.Services.QueryAsync(db => db.AuditLog.CountAsync(a => a.EntityId == DealWorld.AcmeRenewal, Ct)));

        // Tuesday: the reminder goes to Rae only, once.
        var before = (await w.OutboxAsync()).Count;
        await w.TickAtAsync(Opens.AddDays(1).AddSeconds(10));
        await w.TickAtAsync(Opens.AddDays(1).AddSeconds(20));
        var reminder = Assert.Single((await w.OutboxAsync()).Skip(before));
        Assert.Equal(await w.Services.UserIdAsync(DealWorld.Rae), reminder.RecipientUserId);
        Assert.Equal("Reminder: your call is due by Wednesday 2 December 2026 at 09:00 (America/New_York).", ReplyJson.Deserialize(reminder.Payload).Notice);

        // Wednesday: the deadline. Each manager gets their own line; RevOps the company; a late call is refused.
        before = (await w.OutboxAsync()).Count;
        await w.TickAtAsync(Opens.AddDays(2).AddSeconds(10));
        await w.TickAtAsync(Opens.AddDays(2).AddSeconds(20));
        var rollups = (await w.OutboxAsync()).Skip(before).ToList();
        var to = new Dictionary<string, int>();
        foreach (var email in new[] { DealWorld.Dana, DealWorld.Max, DealWorld.Mia, DealWorld.Rita }) to[email] = await w.Services.UserIdAsync(email);
        Assert.Equal(to.Values.Order(), rollups.Select(m => m.RecipientUserId!.Value).Order());
        var max = ReplyJson.Deserialize(rollups.Single(m => m.RecipientUserId == to[DealWorld.Max]).Payload);
        Assert.Equal("Forecast call roll-up · East · Oct 1 – Dec 31, 2026", max.Title);
        Assert.StartsWith("1 of 1 reps called: commit $40K, best case $60K.", max.Text, StringComparison.Ordinal);
        Assert.StartsWith("Rob Rep: commit $40K · best case $60K · model ", Assert.Single(max.Sections[0].Items).Text, StringComparison.Ordinal);
        Assert.Equal("In: Acme Corporation - renewal 2026 · $50K · Rob Rep", Assert.Single(max.Sections[1].Items).Text);
        var mia = ReplyJson.Deserialize(rollups.Single(m => m.RecipientUserId == to[DealWorld.Mia]).Payload);
        Assert.StartsWith("Rae Rep: no call · model ", Assert.Single(mia.Sections[0].Items).Text, StringComparison.Ordinal);
        var company = ReplyJson.Deserialize(rollups.Single(m => m.RecipientUserId == to[DealWorld.Rita]).Payload);
        Assert.StartsWith("East: commit $40K · best case $60K · model ", Assert.Single(company.Sections[0].Items).Text, StringComparison.Ordinal);

        var late = await w.PressAsync(DealWorld.Rob, rob.Actions.Single());
        Assert.Equal((ReplyKind.Refused, "This call closed on Wednesday 2 December 2026 at 09:00 (America/New_York), so nothing was saved. Next week's call comes with its own card."), (late.Kind, late.Text));
        // A twin of the submission saved before the deadline still gets its answer, and stores nothing.
        Assert.Equal(saved.Notice, (await w.SubmitAsync(DealWorld.Rob, form, values)).Notice);

        // The manager's own call for the team, until the managers' deadline.
        var teamForm = (await w.PressAsync(DealWorld.Max, max.Actions.Single())).Form!;
        Assert.Equal(["commit", "best_case"], teamForm.Fields.Select(f => f.Id));
        var teamSaved = await w.SubmitAsync(DealWorld.Max, teamForm, new Dictionary<string, string?> { ["commit"] = "45000", ["best_case"] = "70000" });
        Assert.Equal("Call saved: commit $45K, best case $70K.", teamSaved.Notice);
        var teamCall = (await w.SnapshotsAsync()).Single(f => f.Kind == ForecastCallKinds.TeamCommit);
        Assert.Equal((Team, to[DealWorld.Max], 45000m), (teamCall.Team, teamCall.OwnerId!.Value, teamCall.Amount));

        // Asked in chat: a rep's own call, calls by team for RevOps (the team call wins over the reps' sum), refused to a rep.
        async Task<Answer> AskAsync(string question, string email) =>
            await w.Services.UseAsync<AskService, Answer>(a => a.AskAsync(new AskRequest(question, email), Ct));
        Assert.Equal("Your commit this quarter is $40K (best case $60K), called on Nov 30, 2026.", (await AskAsync("what's my commit?", DealWorld.Rob)).Text);
        Assert.Matches(@"^Tu compromiso de este trimestre es 40\smil\s\$ \(mejor caso 60\smil\s\$\), enviado el 30 nov 2026\.$", (await AskAsync("¿cuál es mi compromiso?", DealWorld.Rob)).Text);
        var byTeam = await AskAsync("forecast call by team", DealWorld.Rita);
        Assert.StartsWith("East: commit $45K · best case $70K · model ", Assert.Single(byTeam.Reply.Sections.Single().Items).Text, StringComparison.Ordinal);
        Assert.False((await AskAsync("commit by team", DealWorld.Rob)).Understood);

        // The finance digest shows the calls against the model and the plan (the team call wins over its reps' sum).
        var digest = await w.Services.UseAsync<DigestBuilder, Digest>(b => b.BuildAsync(
            new DigestRequest(DigestKind.Finance, new DateOnly(2026, 12, 3), new Dictionary<Core.Metrics.Dimension, string>(), "en"), ct: Ct));
        var section = digest.Sections.Single(x => x.Id == DigestSectionIds.ForecastCall);
        Assert.StartsWith("Called: commit $45K, best case $70K. Model ", section.Items[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("East: commit $45K", section.Items[1].Text, StringComparison.Ordinal);

        // forecast_accuracy is real now: Rob's call and the team's call against what was won in the quarter.
        var engine = new Core.Metrics.MetricEngine(w.Services.Database.NewContext(), Microsoft.Extensions.Options.Options.Create(new Core.Company.CompanyOptions()), Core.Company.CompanyClock.At(new DateOnly(2026, 12, 31), TimeZoneInfo.Utc));
        var quarter = new Core.Periods.Period(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), "Q4 2026", Core.Periods.PeriodGrain.Quarter);
        var mine = await engine.EvaluateAsync(new Core.Metrics.MetricQuery(Core.Metrics.MetricIds.ForecastAccuracy, quarter, new Dictionary<Core.Metrics.Dimension, string> { [Core.Metrics.Dimension.Owner] = DealWorld.Rob }), Ct);
        Assert.Equal((40000m, 30000m), (mine.Total.Numerator, mine.Total.Denominator));
    }
}
