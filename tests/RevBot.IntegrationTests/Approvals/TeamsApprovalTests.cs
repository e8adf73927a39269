using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RevBot.Core.Answers;
using RevBot.Core.Approvals;
using RevBot.Core.Conversation;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Data.Storage;
using RevBot.IntegrationTests.Deals;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Approvals;

/// <summary>
/// Approvals through Teams (Action.Execute invokes over the Bot Framework protocol): the held change answered on the
/// card, a refusal in the presser's language, Reject with the reason typed on the card, Approve delivered twice applied
/// once; then the chat lists and the reminder, written once by two instances scanning at the same moment.
/// </summary>
public sealed class TeamsApprovalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Postgres)]
    [InlineData(DbProvider.Sqlite)]
    public async Task A_held_win_is_rejected_with_a_reason_on_the_card_then_asked_again_and_approved_once_in_Spanish(DbProvider provider)
    {
        await using var w = await ApprovalWorld.StartAsync(provider);
        var held = await w.TeamsInvokeAsync(DealActionIds.Win, new JsonObject { ["value"] = DealActionValue.Format(DealWorld.AcmeExpansion, 1, "teams-ap-01") }, "en-US", DealRaceWorld.RaeAad);
        Assert.Contains("Not applied yet", held.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Mia Manager and the deal desk", held.GetRawText(), StringComparison.Ordinal);
        var first = await w.RequestAsync(DealWorld.AcmeExpansion);

        // Max manages Rob, not Rae: refused in his Teams language, nothing changes.
        var refused = await w.TeamsInvokeAsync(ApprovalActionIds.Approve, new JsonObject { ["value"] = ApprovalWorld.Value(first, "t-1") }, "es-ES", ApprovalWorld.MaxAad);
        Assert.Contains("Solo un responsable por encima de Rae Rep", refused.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, (await w.RequestAsync(DealWorld.AcmeExpansion)).Status);

        // Reject: the card asks why (an input and an Action.Execute); Teams merges the input into the action's data.
        var form = (await w.TeamsInvokeAsync(ApprovalActionIds.Reject, new JsonObject { ["value"] = ApprovalWorld.Value(first, "t-2", "es") }, "es-ES", ApprovalWorld.MiaAad)).GetProperty("value");
        var submit = All(form).First(e => e.TryGetProperty("verb", out var v) && v.GetString() == ApprovalActionIds.Reject);
        Assert.Contains(All(form), e => e.TryGetProperty("id", out var id) && id.GetString() == ApprovalActionIds.ReasonField);
        var data = JsonNode.Parse(submit.GetProperty("data").GetRawText())!.AsObject();
        data[ApprovalActionIds.ReasonField] = "Falta la firma del cliente";
        var rejected = await w.TeamsInvokeAsync(ApprovalActionIds.Reject, data, "es-ES", ApprovalWorld.MiaAad);
        Assert.Contains("Rechazado por Mia Manager: Falta la firma del cliente", rejected.GetRawText(), StringComparison.Ordinal);
        Assert.Equal((ApprovalStatus.Rejected, DealStatus.Open), ((await w.RequestAsync(DealWorld.AcmeExpansion)).Status, (await w.DealAsync(DealWorld.AcmeExpansion)).Status));

        // Asked again; Mia's approve arrives twice at once: both hear it, it is applied once, as Mia, from Teams.
        await w.TeamsInvokeAsync(DealActionIds.Win, new JsonObject { ["value"] = DealActionValue.Format(DealWorld.AcmeExpansion, 1, "teams-ap-02") }, "en-US", DealRaceWorld.RaeAad);
        var second = (await w.RequestsAsync(DealWorld.AcmeExpansion))[1];
        var approve = new JsonObject { ["value"] = ApprovalWorld.Value(second, "t-3", "es") };
        var answers = await Task.WhenAll(
            w.TeamsInvokeAsync(ApprovalActionIds.Approve, approve.DeepClone().AsObject(), "es-ES", ApprovalWorld.MiaAad),
            w.TeamsInvokeAsync(ApprovalActionIds.Approve, approve.DeepClone().AsObject(), "es-ES", ApprovalWorld.MiaAad));
        Assert.All(answers, a => Assert.Contains("Aprobado por Mia Manager", a.GetRawText(), StringComparison.Ordinal));
        var deal = await w.DealAsync(DealWorld.AcmeExpansion);
        Assert.Equal((DealStatus.Won, 2), (deal.Status, deal.Version));
        var audit = Assert.Single(await w.DealAuditAsync(DealWorld.AcmeExpansion));
        Assert.Equal(("won", await w.UserIdAsync(DealWorld.Mia), ChangeChannel.Teams), (audit.Action, audit.UserId, audit.Channel));
        var notices = await w.OutboxAsync(ApprovalDecisions.NoticeKind);
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal(RevBot.Core.Domain.ChatPlatform.Teams, n.Platform));
        Assert.Contains("Mia Manager approved your change", notices[1].Payload, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DbProvider.Postgres)]
    [InlineData(DbProvider.Sqlite)]
    public async Task The_chat_lists_what_waits_and_two_instances_past_the_SLA_write_one_reminder(DbProvider provider)
    {
        await using var w = await ApprovalWorld.StartAsync(provider);
        await w.TeamsInvokeAsync(DealActionIds.Win, new JsonObject { ["value"] = DealActionValue.Format(DealWorld.AcmeExpansion, 1, "teams-ap-09") }, "en-US", DealRaceWorld.RaeAad);
        var request = await w.RequestAsync(DealWorld.AcmeExpansion);

        await using (var scope = w.World.App.Services.CreateAsyncScope())
        {
            var ask = scope.ServiceProvider.GetRequiredService<AskService>();
            var mine = await ask.AskAsync(new AskRequest("my pending approvals", DealWorld.Rae), Ct);
            Assert.Equal("approvals", mine.Intent);
            Assert.Contains("Acme Corporation - Vision Kit expansion", mine.Text, StringComparison.Ordinal);
            Assert.Contains("waiting on Mia Manager", mine.Text, StringComparison.Ordinal);
            var waiting = await ask.AskAsync(new AskRequest("¿qué aprobaciones me esperan?", DealWorld.Mia), Ct);
            Assert.Equal(("approvals", "es"), (waiting.Intent, waiting.Language));
            var row = Assert.Single(waiting.Reply.Rows);
            Assert.Contains("pedido por Rae Rep", row.Text, StringComparison.Ordinal);
            Assert.Equal([ApprovalActionIds.Approve, ApprovalActionIds.Reject], row.Actions.Select(a => a.Id));
            // Max may not decide Rae's request, so nothing waits on him.
            var none = await ask.AskAsync(new AskRequest("approvals waiting on me", DealWorld.Max), Ct);
            Assert.Contains("Nothing is waiting for your approval", none.Text, StringComparison.Ordinal);
        }

        // Two instances scan at the same moment, an hour and a minute after the request (the SLA is an hour).
        var time = new FakeTimeProvider(new DateTimeOffset(request.CreatedAt, TimeSpan.Zero).AddMinutes(61));
        var options = Options.Create(new ApprovalOptions { RequiredStages = ["Negotiation"], DealDeskChannel = "slack:CDESK" });
        await using var one = w.World.Database.NewContext();
        await using var two = w.World.Database.NewContext();
        var written = await Task.WhenAll(new ApprovalReminders(one, options, time).RunOnceAsync(Ct), new ApprovalReminders(two, options, time).RunOnceAsync(Ct));
        Assert.Equal(1, written.Sum());
        var reminders = await w.OutboxAsync(ApprovalReminders.OutboxKind);
        Assert.Equal(2, reminders.Count);
        Assert.Contains(reminders, r => r.RecipientUserId == request.ApproverUserId && r.Payload.Contains("Reminder: this request is still waiting", StringComparison.Ordinal));
        Assert.Contains(reminders, r => r.ChannelId == "CDESK");
        await using var three = w.World.Database.NewContext();
        Assert.Equal(0, await new ApprovalReminders(three, options, time).RunOnceAsync(Ct));
    }

    private static IEnumerable<System.Text.Json.JsonElement> All(System.Text.Json.JsonElement e)
    {
        if (e.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            yield return e;
            foreach (var p in e.EnumerateObject())
                foreach (var x in All(p.Value)) yield return x;
        }
        else if (e.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
                foreach (var x in All(item)) yield return x;
        }
    }
}
