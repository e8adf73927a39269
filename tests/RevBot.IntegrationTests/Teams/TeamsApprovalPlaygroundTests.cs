using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Approvals;
using RevBot.Core.Chat;
using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Outbox;

namespace RevBot.IntegrationTests.Teams;

/// <summary>
/// Approvals end to end in Teams, through the Agents Playground (Microsoft's Teams client emulator) and the real host,
/// with a required stage (Negotiation): a rep finds a deal in Proposal by typing in the chat and marks it won from its
/// card (confirm, then Mark won); the change is held and the request card reaches the manager's personal chat; the
/// manager's Approve, delivered twice, applies it once; the rep is told. A second held win is rejected with a reason
/// typed on the card, and the rep reads it. The Playground has one signed-in user: who it is (rep or manager) is set in
/// the roster between steps, and each installs the app in the personal chat, which stores the chat's reference for them
/// (where RevBot's direct messages go). The outbox is driven round by round, so each message is sent while the right
/// person owns the chat.
/// </summary>
public sealed class TeamsApprovalPlaygroundTests(TeamsApprovalPlaygroundTests.ApprovalSession session)
    : IClassFixture<TeamsApprovalPlaygroundTests.ApprovalSession>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // CI once saw the first request card not arrive within 30 s while the whole suite loaded the machine (not reproduced
    // alone): a longer deadline, not a sleep, and a timeout prints the outbox's rows (DispatchUntilAsync).
    private const int OutboxWait = 90;

    [Fact]
    public async Task A_held_win_is_sent_to_the_manager_approved_once_though_pressed_twice_and_another_rejected_with_a_reason()
    {
        NodeConformance.RequireTools(AgentsPlayground.Cli);
        var pg = (await session.StartAsync(Ct)).Playground;
        var chat = pg.PersonalChatId;
        var me = (string)pg.CurrentUser["id"]!;
        var aad = (string)pg.CurrentUser["aadObjectId"]!;

        // A rep reporting to a manager, and two of the rep's open deals in Proposal: winning either skips Negotiation.
        var (repId, managerId, deals) = await session.WithDbAsync(async db =>
        {
            var manager = new User { Email = "ap-teams-manager@example.com", Name = "Paula Manager", Role = UserRole.Manager, Language = "en" };
            db.Users.Add(manager);
            await db.SaveChangesAsync(Ct);
            var rep = new User { Email = "ap-teams-rep@example.com", Name = "Pablo Rep", Role = UserRole.Rep, ManagerId = manager.Id, Language = "en" };
            db.Users.Add(rep);
            await db.SaveChangesAsync(Ct);
            var ids = await db.Deals.Where(d => d.Status == DealStatus.Open).OrderBy(d => d.Id).Select(d => d.Id).Take(2).ToListAsync(Ct);
            var close = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
            await db.Deals.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(d => d.SetProperty(x => x.OwnerId, rep.Id).SetProperty(x => x.Stage, "Proposal")
                .SetProperty(x => x.CloseDate, close).SetProperty(x => x.ForecastCategory, ForecastCategory.Pipeline), Ct);
            return (rep.Id, manager.Id, ids);
        });

        // The manager opens the chat with RevBot first: their direct messages (the request card) go there.
        await BecomeAsync(aad, managerId, repId);
        await session.InstallAsync(chat, managerId, Ct);

        // The rep types in the chat, gets the deal's card and marks it won: held, and said why and where it went.
        await BecomeAsync(aad, repId, managerId);
        var held = await MarkWonAsync(pg, chat, me, deals[0]);
        Assert.Contains("Not applied yet: this change needs approval because", held, StringComparison.Ordinal);
        Assert.Contains("I sent it to Paula Manager", held, StringComparison.Ordinal);
        var request = await session.WithDbAsync(db => db.ApprovalRequests.AsNoTracking().SingleAsync(r => r.DealId == deals[0], Ct));
        Assert.Equal((ApprovalStatus.Pending, managerId), (request.Status, request.ApproverUserId));

        // The request card reaches the manager's personal chat, with Approve and Reject.
        var before = pg.FrameCount;
        var requestFrame = await DispatchUntilAsync(pg.WaitForBotCardAsync(before, chat, c => Text(c).Contains("Approval needed: ", StringComparison.Ordinal), "the request card", Ct, OutboxWait));
        var requestCard = AgentsPlayground.CardOf(requestFrame)!;
        Assert.Contains("Pablo Rep", Text(requestCard), StringComparison.Ordinal);
        var buttons = AgentsPlayground.Executes(requestCard).ToList();
        Assert.Equal([ApprovalActionIds.Approve, ApprovalActionIds.Reject], buttons.Select(b => (string?)b["verb"]));

        // The manager presses Approve, and Teams delivers the press twice: both answer the same, it is applied once.
        await BecomeAsync(aad, managerId, repId);
        var messageId = (string)requestFrame["message"]!["messageId"]!;
        var first = await pg.InvokeAsync(chat, me, messageId, buttons[0], Ct);
        var second = await pg.InvokeAsync(chat, me, messageId, buttons[0], Ct);
        Assert.Contains("Approved by Paula Manager", Text(first["value"]!), StringComparison.Ordinal);
        Assert.Contains("Approved by Paula Manager", Text(second["value"]!), StringComparison.Ordinal);
        var (status, audits) = await session.WithDbAsync(async db =>
        {
            var deal = await db.Deals.AsNoTracking().SingleAsync(d => d.Id == deals[0], Ct);
            var audit = await db.AuditLog.AsNoTracking().Where(a => a.Entity == "deal" && a.EntityId == deals[0]).Select(a => new { a.Action, a.UserId, a.Channel }).ToListAsync(Ct);
            return (deal.Status, audit);
        });
        Assert.Equal(DealStatus.Won, status);
        // The demo's own history of the deal is there too: one win, the manager's, from Teams.
        var won = Assert.Single(audits, a => a.Action == "won");
        Assert.Equal(("won", (int?)managerId, ChangeChannel.Teams), (won.Action, won.UserId, won.Channel));
        Assert.Equal(ApprovalStatus.Approved, (await RequestAsync(deals[0])).Status);

        // The rep is told, in their personal chat.
        await BecomeAsync(aad, repId, managerId);
        await session.InstallAsync(chat, repId, Ct);
        before = pg.FrameCount;
        await DispatchUntilAsync(pg.WaitForBotCardAsync(before, chat, c => Text(c).Contains("Paula Manager approved your change to", StringComparison.Ordinal), "the approval notice", Ct, OutboxWait));

        // A second held win: the manager rejects it with a reason typed on the card (Teams merges the input into the data).
        await MarkWonAsync(pg, chat, me, deals[1]);
        await BecomeAsync(aad, managerId, repId);
        await session.InstallAsync(chat, managerId, Ct);
        before = pg.FrameCount;
        var secondRequest = await DispatchUntilAsync(pg.WaitForBotCardAsync(before, chat,
            c => Text(c).Contains("Approval needed: ", StringComparison.Ordinal) && AgentsPlayground.Executes(c).Any(), "the second request card", Ct, OutboxWait));
        var reject = AgentsPlayground.Executes(AgentsPlayground.CardOf(secondRequest)!).Single(b => (string?)b["verb"] == ApprovalActionIds.Reject);
        var secondId = (string)secondRequest["message"]!["messageId"]!;
        var form = (await pg.InvokeAsync(chat, me, secondId, reject, Ct))["value"]!.AsObject();
        Assert.Contains(AgentsPlayground.Inputs(form), i => (string?)i["id"] == ApprovalActionIds.ReasonField);
        var submit = AgentsPlayground.WithInputs(AgentsPlayground.Executes(form).First(b => (string?)b["verb"] == ApprovalActionIds.Reject), form,
            new Dictionary<string, string> { [ApprovalActionIds.ReasonField] = "The customer has not signed" });
        var rejected = await pg.InvokeAsync(chat, me, secondId, submit, Ct);
        Assert.Contains("Rejected by Paula Manager: The customer has not signed", Text(rejected["value"]!), StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Rejected, (await RequestAsync(deals[1])).Status);
        Assert.Equal(DealStatus.Open, await session.WithDbAsync(db => db.Deals.Where(d => d.Id == deals[1]).Select(d => d.Status).SingleAsync(Ct)));

        // The rep reads the reason.
        await BecomeAsync(aad, repId, managerId);
        await session.InstallAsync(chat, repId, Ct);
        before = pg.FrameCount;
        await DispatchUntilAsync(pg.WaitForBotCardAsync(before, chat,
            c => Text(c).Contains("Paula Manager rejected your change to", StringComparison.Ordinal) && Text(c).Contains("The customer has not signed", StringComparison.Ordinal),
            "the rejection notice", Ct, OutboxWait));
    }

    /// <summary>"show deal {id}" typed in the chat, then Mark won on its card and the confirm's Mark won: the answer's text.</summary>
    private async Task<string> MarkWonAsync(AgentsPlayground pg, string chat, string me, string dealId)
    {
        var before = pg.FrameCount;
        await pg.SendAsync(chat, me, $"show deal {dealId}", Ct);
        var cardFrame = await pg.WaitForBotCardAsync(before, chat, c => AgentsPlayground.Executes(c).Any(a => (string?)a["title"] == "Mark won")
            && Text(c).Contains(dealId, StringComparison.Ordinal), $"the card of {dealId}", Ct);
        var cardId = (string)cardFrame["message"]!["messageId"]!;
        var markWon = AgentsPlayground.Executes(AgentsPlayground.CardOf(cardFrame)!).First(a => (string?)a["title"] == "Mark won");
        var confirm = (await pg.InvokeAsync(chat, me, cardId, markWon, Ct))["value"]!.AsObject();
        var win = AgentsPlayground.Executes(confirm).Single(a => (string?)a["verb"] == DealActionIds.Win);
        return Text((await pg.InvokeAsync(chat, me, cardId, win, Ct))["value"]!);
    }

    /// <summary>
    /// The Playground's user is <paramref name="userId"/> in RevBot's roster; <paramref name="other"/> keeps a Teams id of
    /// their own (not signed in here), so RevBot still writes to them in Teams.
    /// </summary>
    private Task BecomeAsync(string aad, int userId, int other) => session.WithDbAsync(async db =>
    {
        await db.Users.Where(u => u.Id == other).ExecuteUpdateAsync(u => u.SetProperty(x => x.TeamsUserId, $"aad-away-{other}"), Ct);
        return await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.TeamsUserId, aad).SetProperty(x => x.SlackUserId, (string?)null), Ct);
    });

    /// <summary>
    /// Runs the outbox (its loop is off in this host) until <paramref name="arrived"/> completes: a send the Playground
    /// did not take is retried after its backoff (shortened here) as the host's loop would, instead of the test
    /// giving up after one round. A timeout says what became of the outbox's rows (attempts, last error).
    /// </summary>
    private async Task<T> DispatchUntilAsync<T>(Task<T> arrived)
    {
        var dispatcher = session.Services.GetRequiredService<OutboxDispatcher>();
        while (!arrived.IsCompleted)
        {
            await dispatcher.RunOnceAsync(Ct);
            await Task.WhenAny(arrived, Task.Delay(100, Ct));
        }
        try
        {
            return await arrived;
        }
        catch (TimeoutException e)
        {
            var rows = await session.WithDbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id)
                .Select(m => $"#{m.Id} to {m.RecipientUserId}/{m.ChannelId}: attempts {m.Attempts}, sent {m.SentAt}, failed {m.FailedAt}, due {m.AvailableAt}, error {m.LastError}")
                .ToListAsync(Ct));
            throw new TimeoutException($"{e.Message}\nOutbox rows:\n{string.Join('\n', rows)}", e);
        }
    }

    private Task<ApprovalRequest> RequestAsync(string dealId) =>
        session.WithDbAsync(db => db.ApprovalRequests.AsNoTracking().SingleAsync(r => r.DealId == dealId, Ct));

    private static string Text(JsonNode card) => CardJson.AllText(card);

    /// <summary>The Playground session with approvals held at Negotiation, and the outbox and digest loops off: the test runs them.</summary>
    public sealed class ApprovalSession : TeamsPlaygroundTests.Session
    {
        protected override IEnumerable<string> ExtraArgs => ["--Approvals:RequiredStages:0=Negotiation", "--Outbox:Enabled=false", "--Outbox:FirstBackoff=00:00:00.2", "--Outbox:MaxBackoff=00:00:01", "--Digests:Enabled=false"];
    }
}
