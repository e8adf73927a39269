using Microsoft.EntityFrameworkCore;
using RevBot.Core.Approvals;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Data.Storage;
using RevBot.Testing;
using RevBot.Testing.Deals;

namespace RevBot.IntegrationTests.Approvals;

/// <summary>
/// Approvals end to end through the fake Slack: a win that skips the required stage is held and sent to the manager
/// and the deal desk; only a manager above the requester (or RevOps) may decide; Approve applies it once as the
/// approver even when delivered twice; Reject asks for a reason in a modal; an approval of a deal changed since is
/// refused and shown to both. On SQLite and PostgreSQL.
/// </summary>
public sealed class SlackApprovalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DbProvider.Postgres)]
    [InlineData(DbProvider.Sqlite)]
    public async Task A_held_win_goes_to_the_manager_and_the_desk_only_they_may_approve_it_and_approving_twice_applies_it_once_as_them(DbProvider provider)
    {
        await using var w = await ApprovalWorld.StartAsync(provider);
        var win = DealActionValue.Format(DealWorld.AcmeRenewal, 1, "ap-win-01");

        // Rob marks his Proposal deal won: Negotiation is skipped, so nothing is applied and the request goes out.
        var held = await w.AnswerAsync(await w.SlackPressAsync("U0ROB", DealActionIds.Win, win, "ap-win"));
        Assert.Contains("Not applied yet", held, StringComparison.Ordinal);
        Assert.Contains("skips the required stage Negotiation", held, StringComparison.Ordinal);
        Assert.Contains("Max Manager and the deal desk", held, StringComparison.Ordinal);
        var request = await w.RequestAsync(DealWorld.AcmeRenewal);
        Assert.Equal((ApprovalStatus.Pending, 1, await w.UserIdAsync(DealWorld.Max), "slack:CDESK"), (request.Status, request.ExpectedVersion, request.ApproverUserId, request.ApproverChannel));
        Assert.Equal((DealStatus.Open, 1), ((await w.DealAsync(DealWorld.AcmeRenewal)).Status, (await w.DealAsync(DealWorld.AcmeRenewal)).Version));
        Assert.Empty(await w.DealAuditAsync(DealWorld.AcmeRenewal));
        var cards = await w.OutboxAsync(ApprovalGate.OutboxKind);
        Assert.Equal(2, cards.Count);
        Assert.Contains(cards, c => c.RecipientUserId == request.ApproverUserId);
        Assert.Contains(cards, c => c.ChannelId == "CDESK" && c.RecipientUserId == null);
        Assert.All(cards, c => Assert.Contains(ApprovalActionIds.Approve, c.Payload, StringComparison.Ordinal));

        // The same press delivered again: the same answer, still one request.
        await w.SlackPressAsync("U0ROB", DealActionIds.Win, win, "ap-win");
        Assert.Contains("Not applied yet", await w.AnswerAsync("ap-win", 2), StringComparison.Ordinal);
        Assert.Single(await w.RequestsAsync(DealWorld.AcmeRenewal));

        // Someone outside Rob's line, Rob himself, customer success: refused, nothing changes.
        var approve = ApprovalWorld.Value(request, "n-1");
        Assert.Contains("Only a manager above Rob Rep or RevOps", await w.AnswerAsync(await w.SlackPressAsync("U0MIA", ApprovalActionIds.Approve, approve, "ap-mia")), StringComparison.Ordinal);
        Assert.Contains("your own request", await w.AnswerAsync(await w.SlackPressAsync("U0ROB", ApprovalActionIds.Approve, approve, "ap-rob")), StringComparison.Ordinal);
        Assert.Contains("Only a manager above Rob Rep or RevOps", await w.AnswerAsync(await w.SlackPressAsync("U0CAM", ApprovalActionIds.Reject, approve, "ap-cam")), StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, (await w.RequestAsync(DealWorld.AcmeRenewal)).Status);
        Assert.Equal(1, (await w.DealAsync(DealWorld.AcmeRenewal)).Version);

        // Max approves; Slack delivers the press twice at once: applied once, as Max, from Slack.
        await Task.WhenAll(w.SlackPressAsync("U0MAX", ApprovalActionIds.Approve, approve, "ap-max-1"), w.SlackPressAsync("U0MAX", ApprovalActionIds.Approve, approve, "ap-max-2"));
        Assert.Contains("Approved by Max Manager", await w.AnswerAsync("ap-max-1"), StringComparison.Ordinal);
        Assert.Contains("Approved by Max Manager", await w.AnswerAsync("ap-max-2"), StringComparison.Ordinal);
        var deal = await w.DealAsync(DealWorld.AcmeRenewal);
        Assert.Equal((DealStatus.Won, 2), (deal.Status, deal.Version));
        var audit = Assert.Single(await w.DealAuditAsync(DealWorld.AcmeRenewal));
        Assert.Equal(("won", await w.UserIdAsync(DealWorld.Max), ChangeChannel.Slack), (audit.Action, audit.UserId, audit.Channel));
        var decided = await w.RequestAsync(DealWorld.AcmeRenewal);
        Assert.Equal((ApprovalStatus.Approved, await w.UserIdAsync(DealWorld.Max)), (decided.Status, decided.DecidedByUserId));
        var notice = Assert.Single(await w.OutboxAsync(ApprovalDecisions.NoticeKind));
        Assert.Equal(await w.UserIdAsync(DealWorld.Rob), notice.RecipientUserId);
        Assert.Contains("Max Manager approved your change", notice.Payload, StringComparison.Ordinal);

        // A late press once decided shows the decision and changes nothing.
        Assert.Contains("Approved by Max Manager", await w.AnswerAsync(await w.SlackPressAsync("U0MAX", ApprovalActionIds.Reject, approve, "ap-late")), StringComparison.Ordinal);
        Assert.Single(await w.OutboxAsync(ApprovalDecisions.NoticeKind));
    }

    [Theory]
    [InlineData(DbProvider.Postgres)]
    [InlineData(DbProvider.Sqlite)]
    public async Task A_rejection_takes_a_reason_from_a_modal_and_an_approval_of_a_deal_changed_since_applies_nothing_and_tells_both(DbProvider provider)
    {
        await using var w = await ApprovalWorld.StartAsync(provider);
        await w.AnswerAsync(await w.SlackPressAsync("U0ROB", DealActionIds.Win, DealActionValue.Format(DealWorld.AcmeRenewal, 1, "ap-rej-01"), "ap-rej"));
        var request = await w.RequestAsync(DealWorld.AcmeRenewal);

        // Reject opens a modal asking why (views.open with the press's trigger_id).
        await w.SlackPressAsync("U0MAX", ApprovalActionIds.Reject, ApprovalWorld.Value(request, "n-2"), "ap-rej-press", "trig-reject");
        var open = await WaitForAsync(w, "views.open", "trig-reject");
        var view = System.Text.Json.JsonDocument.Parse(open).RootElement.GetProperty("view");
        Assert.Equal(ApprovalActionIds.Reject, view.GetProperty("callback_id").GetString());
        var metadata = view.GetProperty("private_metadata").GetString()!;

        // No reason: the modal stays open with the message on the field; nothing is decided.
        var empty = await w.World.SlackInteractAsync(Submission(metadata, ""));
        var errors = System.Text.Json.JsonDocument.Parse(await empty.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("errors", errors.GetProperty("response_action").GetString());
        Assert.Contains("Say why", errors.GetProperty("errors").GetProperty(ApprovalActionIds.ReasonField).GetString(), StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Pending, (await w.RequestAsync(DealWorld.AcmeRenewal)).Status);

        // With a reason, delivered twice: rejected once, Rob told once with the reason, the deal untouched.
        var reasoned = Submission(metadata, "The discount is not signed off");
        await w.World.SlackInteractAsync(reasoned);
        await w.World.SlackInteractAsync(reasoned);
        var rejected = await w.RequestAsync(DealWorld.AcmeRenewal);
        Assert.Equal((ApprovalStatus.Rejected, "The discount is not signed off"), (rejected.Status, rejected.DecisionReason));
        var notice = Assert.Single(await w.OutboxAsync(ApprovalDecisions.NoticeKind));
        Assert.Contains("Max Manager rejected your change", notice.Payload, StringComparison.Ordinal);
        Assert.Contains("The discount is not signed off", notice.Payload, StringComparison.Ordinal);
        Assert.Equal((DealStatus.Open, 1), ((await w.DealAsync(DealWorld.AcmeRenewal)).Status, (await w.DealAsync(DealWorld.AcmeRenewal)).Version));

        // Rob asks again; RevOps (never held) changes the deal meanwhile; Max's approval now finds it stale.
        await w.AnswerAsync(await w.SlackPressAsync("U0ROB", DealActionIds.Win, DealActionValue.Format(DealWorld.AcmeRenewal, 1, "ap-rej-02"), "ap-again"));
        var second = (await w.RequestsAsync(DealWorld.AcmeRenewal))[1];
        Assert.Equal(ApprovalStatus.Pending, second.Status);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await w.World.PatchAsync(DealWorld.AcmeRenewal, """{"amount": 55000}""", 1)).StatusCode);
        var stale = await w.AnswerAsync(await w.SlackPressAsync("U0MAX", ApprovalActionIds.Approve, ApprovalWorld.Value(second, "n-3"), "ap-stale"));
        Assert.Contains("Not applied", stale, StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Stale, (await w.RequestsAsync(DealWorld.AcmeRenewal))[1].Status);
        var deal = await w.DealAsync(DealWorld.AcmeRenewal);
        Assert.Equal((DealStatus.Open, 2, 55_000m), (deal.Status, deal.Version, deal.Amount));
        var notices = await w.OutboxAsync(ApprovalDecisions.NoticeKind);
        Assert.Equal(2, notices.Count);
        Assert.Contains("the deal changed after you asked", notices[1].Payload, StringComparison.Ordinal);
    }

    private static async Task<string> WaitForAsync(ApprovalWorld w, string method, string contains)
    {
        await Wait.UntilAsync(() => w.World.Slack.Requests.Any(r => r.Method == method && r.Body.Contains(contains, StringComparison.Ordinal)), TimeSpan.FromSeconds(60));
        return Assert.Single(w.World.Slack.Requests, r => r.Method == method && r.Body.Contains(contains, StringComparison.Ordinal)).Body;
    }

    /// <summary>The reject modal's view_submission from Max, as Slack sends it.</summary>
    private static string Submission(string metadata, string reason) => System.Text.Json.JsonSerializer.Serialize(new
    {
        type = "view_submission",
        team = new { id = "T1" },
        user = new { id = "U0MAX" },
        view = new
        {
            id = "VREJ", type = "modal", callback_id = ApprovalActionIds.Reject, private_metadata = metadata,
            state = new { values = new Dictionary<string, object> { [ApprovalActionIds.ReasonField] = new Dictionary<string, object> { [ApprovalActionIds.ReasonField] = new { type = "plain_text_input", value = reason } } } },
        },
    });
}
