using Microsoft.EntityFrameworkCore;
using RevBot.Core.Answers;
using RevBot.Core.DataHealth;
using RevBot.Core.Domain;
using RevBot.Core.Interactions;
using RevBot.Core.Replies;
using RevBot.Data.Storage;
using RevBot.Testing.Deals;
using RevBot.Tests.Deals;

namespace RevBot.Tests.DataHealth;

/// <summary>Likely duplicates and incomplete open deals, found in SQL; merging a pair, and undoing the merge.</summary>
public sealed class DataHealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task The_report_counts_each_rule_and_lists_the_pairs(DbProvider provider)
    {
        await using var s = await DealServices.CreateAsync(provider);
        var report = await s.UseAsync<DataHealthQueries, DataHealthReport>(q => q.RunAsync(DealWorld.Today, 10, "en", Ct));

        Assert.Equal([1L, 2L, 1L, 0L], report.Duplicates.Select(d => d.Count));
        Assert.Equal(("con-1", "con-2", "same e-mail"), Pair(report.Duplicates[0]));
        Assert.Equal(["con-1|con-2", "con-3|con-4"], report.Duplicates[1].Examples.Select(p => $"{p.FirstId}|{p.SecondId}"));
        Assert.Equal(("acc-1", "acc-4", "same name and domain"), Pair(report.Duplicates[2]));
        Assert.Equal("Jane Doe <jane@acme.com> at Acme Corporation (con-1)", report.Duplicates[0].Examples[0].FirstLabel);
        Assert.Equal([1L, 1L, 1L], report.Deals.Select(d => d.Count));
        Assert.Equal([DealWorld.Cafe, DealWorld.Cafe, DealWorld.Initech], report.Deals.Select(d => d.Examples.Single().DealId));
    }

    [Fact]
    public async Task Merging_contacts_keeps_the_survivor_fills_its_gaps_and_undo_puts_both_back()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var rita = await s.UserIdAsync(DealWorld.Rita);
        var merged = await MergeAsync(s, rita, "contact|con-1|con-2", "con-1");

        Assert.Equal(ReplyKind.Answer, merged.Kind);
        Assert.Equal("Merged by Rita Revops: kept con-1, removed con-2.", merged.Notice);
        var survivor = await s.QueryAsync(db => db.Contacts.SingleAsync(c => c.Id == "con-1", Ct));
        Assert.Equal(("CFO", "+1 555 0100"), (survivor.Title, survivor.Phone));
        Assert.False(await s.QueryAsync(db => db.Contacts.AnyAsync(c => c.Id == "con-2", Ct)));

        var undone = await PressAsync(s, rita, merged.Actions.Single());

        Assert.Equal("Merge undone by Rita Revops: con-2 is back.", undone.Notice);
        var back = await s.QueryAsync(db => db.Contacts.SingleAsync(c => c.Id == "con-2", Ct));
        Assert.Equal(("JANE@acme.com", "+1 555 0100", "acc-1"), (back.Email, back.Phone, back.AccountId));
        Assert.Null((await s.QueryAsync(db => db.Contacts.SingleAsync(c => c.Id == "con-1", Ct))).Phone);
        Assert.Equal(ReplyKind.Refused, (await PressAsync(s, rita, merged.Actions.Single())).Kind);
    }

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Merging_accounts_moves_deals_activities_contacts_and_usage_and_undo_moves_them_back(DbProvider provider)
    {
        await using var s = await DealServices.CreateAsync(provider);
        var max = await s.UserIdAsync(DealWorld.Max);
        var rita = await s.UserIdAsync(DealWorld.Rita);

        var merged = await MergeAsync(s, max, "account|acc-1|acc-4", "acc-4");

        Assert.Equal("Merged by Max Manager: kept acc-4, removed acc-1 (moved 3 deals, 1 activities, 2 contacts).", merged.Notice);
        Assert.Equal(3, await s.QueryAsync(db => db.Deals.CountAsync(d => d.AccountId == "acc-4", Ct)));
        Assert.Equal(2, (await s.DealAsync(DealWorld.AcmeRenewal)).Version);
        var survivor = await s.QueryAsync(db => db.Accounts.SingleAsync(a => a.Id == "acc-4", Ct));
        Assert.Equal(("EMEA", "Enterprise", "Robotics"), (survivor.Region, survivor.Segment, survivor.Industry));
        Assert.Equal([3, 4], await s.QueryAsync(db => db.Usage.Where(u => u.AccountId == "acc-4").OrderBy(u => u.Date).Select(u => u.ActiveUsers ?? 0).ToListAsync(Ct)));

        Assert.Equal(ReplyKind.Refused, (await PressAsync(s, max, merged.Actions.Single())).Kind);
        var undone = await PressAsync(s, rita, merged.Actions.Single());

        Assert.Equal(ReplyKind.Answer, undone.Kind);
        Assert.Equal([DealWorld.AcmeRenewal, DealWorld.AcmeExpansion, DealWorld.AcmeLost],
            await s.QueryAsync(db => db.Deals.Where(d => d.AccountId == "acc-1").OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(Ct)));
        Assert.Equal(["con-1", "con-2"], await s.QueryAsync(db => db.Contacts.Where(c => c.AccountId == "acc-1").OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(Ct)));
        Assert.Equal("act-1", await s.QueryAsync(db => db.Activities.Where(a => a.AccountId == "acc-1").Select(a => a.Id).SingleAsync(Ct)));
        Assert.Equal(10, await s.QueryAsync(db => db.Usage.Where(u => u.AccountId == "acc-1").Select(u => u.ActiveUsers).SingleAsync(Ct)));
        var restored = await s.QueryAsync(db => db.Accounts.SingleAsync(a => a.Id == "acc-1", Ct));
        Assert.Equal(("Acme Corporation", "EMEA"), (restored.Name, restored.Region));
        var unfilled = await s.QueryAsync(db => db.Accounts.SingleAsync(a => a.Id == "acc-4", Ct));
        Assert.Equal(((string?)null, (string?)null, "Robotics"), (unfilled.Region, unfilled.Segment, unfilled.Industry));
        Assert.Equal(["merge", "unmerge"], await s.QueryAsync(db => db.AuditLog.Where(a => a.Entity == "account").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Only_managers_and_revops_merge_and_undo_is_for_revops_within_seven_days()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var rob = await MergeAsync(s, await s.UserIdAsync(DealWorld.Rob), "contact|con-3|con-4", "con-3");
        Assert.Equal((ReplyKind.Refused, "Only managers and RevOps can merge records. Nothing was changed."), (rob.Kind, rob.Text));

        var rita = await s.UserIdAsync(DealWorld.Rita);
        var merged = await MergeAsync(s, rita, "contact|con-3|con-4", "con-3");
        s.Time.Advance(TimeSpan.FromDays(8));
        var late = await PressAsync(s, rita, merged.Actions.Single());

        Assert.Equal(ReplyKind.Refused, late.Kind);
        Assert.StartsWith("A merge can be undone for 7 days", late.Text, StringComparison.Ordinal);
        Assert.False(await s.QueryAsync(db => db.Contacts.AnyAsync(c => c.Id == "con-4", Ct)));
    }

    [Fact]
    public async Task A_merge_submitted_twice_merges_once()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var rita = await s.UserIdAsync(DealWorld.Rita);
        var form = (await PressAsync(s, rita, new ReplyAction(DataHealthInteractions.Merge, "Merge", "contact|con-1|con-2"))).Form!;
        var submission = new FormSubmission(form.Id, form.State.Encode(), new Dictionary<string, string?> { ["survivor"] = "con-2" }, rita, null, ChangeChannel.Slack);

        var first = await s.UseAsync<InteractionService, Reply>(i => i.SubmitAsync(submission, Ct));
        var second = await s.UseAsync<InteractionService, Reply>(i => i.SubmitAsync(submission, Ct));

        Assert.Equal(first.Notice, second.Notice);
        Assert.Equal(first.Actions.Single().Value, second.Actions.Single().Value);
        Assert.Equal(1, await s.QueryAsync(db => db.AuditLog.CountAsync(a => a.Action == "merge", Ct)));
        Assert.Equal(["Jane Doe <jane@acme.com> at Acme Corporation (con-1)", "Jane Doe <JANE@acme.com> at Acme Corporation (con-2)"], form.Fields[0].Choices.Select(c => c.Label));
    }

    [Fact]
    public async Task The_merge_form_and_its_refusals_are_in_the_pressers_language()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var rita = await s.UserIdAsync(DealWorld.Rita);
        var form = (await s.UseAsync<InteractionService, Reply>(i => i.PressAsync(
            new CardPress(DataHealthInteractions.Merge, "account|acc-1|acc-2", rita, null, ChangeChannel.Teams, "es"), Ct))).Form!;
        var wrong = new FormSubmission(form.Id, form.State.Encode(), new Dictionary<string, string?> { ["survivor"] = "acc-9" }, rita, null, ChangeChannel.Teams, "es");
        var refused = await s.UseAsync<InteractionService, Reply>(i => i.SubmitAsync(wrong, Ct));

        Assert.Equal(("Fusionar cuentas", "Fusionar", "Conservar"), (form.Title, form.SubmitLabel, form.Fields[0].Label));
        Assert.StartsWith("Todo lo vinculado a la otra cuenta", form.Intro, StringComparison.Ordinal);
        Assert.Equal(("Sin fusionar", "Elige acc-1 o acc-2 para conservar."), (refused.Title, refused.Text));
    }

    [Fact]
    public async Task The_report_and_the_mergers_messages_are_in_the_askers_language()
    {
        await using var s = await DealServices.CreateAsync(DbProvider.Sqlite);
        var report = await s.UseAsync<DataHealthQueries, DataHealthReport>(q => q.RunAsync(DealWorld.Today, 10, "es", Ct));

        Assert.Equal(("contacts_with_the_same_e-mail", "Contactos con el mismo e-mail"), (report.Duplicates[0].Key, report.Duplicates[0].Label));
        Assert.Equal(("con-1", "con-2", "mismo e-mail"), Pair(report.Duplicates[0]));
        Assert.Equal(("acc-1", "acc-4", "mismo nombre y dominio"), Pair(report.Duplicates[2]));
        Assert.Equal("Jane Doe <jane@acme.com> en Acme Corporation (con-1)", report.Duplicates[0].Examples[0].FirstLabel);
        Assert.Equal(["Negocios abiertos sin importe", "Negocios abiertos con la fecha de cierre ya pasada", "Negocios abiertos sin comercial asignado"],
            report.Deals.Select(d => d.Label));
        Assert.Equal("Negocios abiertos sin importe", report.Deals[0].Examples.Single().Problem);

        var rob = await MergeAsync(s, await s.UserIdAsync(DealWorld.Rob), "contact|con-3|con-4", "con-3", "es");
        Assert.Equal((ReplyKind.Refused, "Solo los responsables y RevOps pueden fusionar registros. No se cambió nada."), (rob.Kind, rob.Text));
        var max = await s.UserIdAsync(DealWorld.Max);
        var merged = await MergeAsync(s, max, "account|acc-1|acc-4", "acc-4", "es");
        Assert.Equal("Fusión hecha por Max Manager: se conserva acc-4 y se elimina acc-1 (movidos: 3 negocios, 1 actividades, 2 contactos).", merged.Notice);
        var undo = merged.Actions.Single();
        var refused = await s.UseAsync<InteractionService, Reply>(i => i.PressAsync(new CardPress(undo.Id, undo.Value, max, null, ChangeChannel.Teams, "es"), Ct));
        Assert.Equal((ReplyKind.Refused, "Solo RevOps puede deshacer una fusión. No se cambió nada."), (refused.Kind, refused.Text));
        var rita = await s.UserIdAsync(DealWorld.Rita);
        var undone = await s.UseAsync<InteractionService, Reply>(i => i.PressAsync(new CardPress(undo.Id, undo.Value, rita, null, ChangeChannel.Teams, "es"), Ct));
        Assert.Equal("Fusión deshecha por Rita Revops: acc-1 ha vuelto.", undone.Notice);
    }

    private static (string, string, string) Pair(DataHealthCheck<DuplicatePair> check) =>
        check.Examples.Single() is var p ? (p.FirstId, p.SecondId, p.Reason) : default;

    private static async Task<Reply> MergeAsync(DealServices s, int userId, string pair, string survivor, string? language = null)
    {
        var form = (await s.UseAsync<InteractionService, Reply>(i => i.PressAsync(new CardPress(DataHealthInteractions.Merge, pair, userId, null, ChangeChannel.Slack, language), Ct))).Form!;
        return await s.UseAsync<InteractionService, Reply>(i => i.SubmitAsync(
            new FormSubmission(form.Id, form.State.Encode(), new Dictionary<string, string?> { ["survivor"] = survivor }, userId, null, ChangeChannel.Slack, language), Ct));
    }

    private static Task<Reply> PressAsync(DealServices s, int userId, ReplyAction action) =>
        s.UseAsync<InteractionService, Reply>(i => i.PressAsync(new CardPress(action.Id, action.Value, userId, null, ChangeChannel.Slack), Ct));
}
