using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Answers;
using RevBot.Core.Chat;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Storage;
using RevBot.Host.Hosting;
using RevBot.Teams.App.Rendering;
using RevBot.Teams.Protocol.Cards;
using RevBot.Testing;

namespace RevBot.IntegrationTests.Teams;

/// <summary>
/// End to end with Microsoft's Teams client emulator: the real host in anonymous development mode (a seeded SQLite demo
/// company) and the Agents Playground as a child process, talking to each other over HTTP exactly as in docs/teams.md.
/// Skipped without node or tests/conformance/node_modules, except in CI (CI=true), where that fails.
/// </summary>
public sealed class TeamsPlaygroundTests(TeamsPlaygroundTests.Session session) : IClassFixture<TeamsPlaygroundTests.Session>
{
    private const string CardType = "application/vnd.microsoft.card.adaptive";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_question_typed_in_the_Playground_gets_the_answer_card_and_pressing_its_button_answers_in_a_new_card_beside_it()
    {
        NodeConformance.RequireTools(AgentsPlayground.Cli);
        var pg = (await session.StartAsync(Ct)).Playground;
        var chat = pg.PersonalChatId;
        var me = (string)pg.CurrentUser["id"]!;

        // Installing the app: RevBot stores the conversation reference (the Playground's connector) and welcomes once.
        var before = pg.FrameCount;
        await pg.InstallAsync(chat, Ct);
        await pg.WaitForBotCardAsync(before, chat, c => FirstText(c) == "Hi, I'm RevBot", "welcome card", Ct);
        var reference = await session.WithDbAsync(db => db.ConversationReferences.AsNoTracking().SingleAsync(r => r.ConversationId == chat, Ct));
        Assert.Equal($"http://localhost:{pg.Port}{AgentsPlayground.ConnectorPath}", reference.ServiceUrl);
        Assert.Equal("personal", reference.Kind);

        before = pg.FrameCount;
        await pg.SendAsync(chat, me, "what's our win rate this quarter?", Ct);

        await pg.WaitForFrameAsync(before, f => (string?)f["action"] == "typing" && (string?)f["actionConversationId"] == chat, "typing indicator", Ct);
        var answer = await pg.WaitForBotCardAsync(before, chat, c => FirstText(c).StartsWith("Win rate · ", StringComparison.Ordinal), "win-rate answer card", Ct);
        var card = AgentsPlayground.CardOf(answer)!;
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Matches(@"^Win rate for .+ is \d+\.\d%", (string?)card["fallbackText"]);
        var actions = card["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.All(actions, a => Assert.Equal(("Action.Execute", "ask"), ((string?)a["type"], (string?)a["verb"])));
        var byRep = Assert.Single(actions, a => (string?)a["title"] == "By rep");

        // Pressing "By rep": the Playground sends the adaptiveCard/action invoke. A drill-down keeps context: the invoke
        // answers with a short message (so the card pressed stays as it was) and the by-rep answer is a new card.
        var cardId = (string)answer["message"]!["messageId"]!;
        before = pg.FrameCount;
        var pressed = await pg.InvokeAsync(chat, me, cardId, byRep, Ct);

        Assert.Equal(("application/vnd.microsoft.activity.message", "The answer follows in a new message."), ((string?)pressed["type"], (string?)pressed["value"]));
        var drilled = await pg.WaitForBotCardAsync(before, chat, c => ((string?)c["fallbackText"] ?? "").Contains("By rep: ", StringComparison.Ordinal), "by-rep answer card", Ct);
        var updated = AgentsPlayground.CardOf(drilled)!;
        Assert.NotEqual(cardId, (string?)drilled["message"]!["messageId"]);
        Assert.Equal(FirstText(card), FirstText(updated));
        var table = Assert.Single(updated["body"]!.AsArray(), e => (string?)e!["type"] == "Container" && (string?)e["id"] == "reply_table");
        Assert.True(table!["items"]!.AsArray().Count > 1, "the by-rep table has rows");
        // The new card is RevBot's answer to the button's question, as the ask path renders it.
        Assert.True(JsonNode.DeepEquals(await session.ExpectedCardAsync((string)byRep["data"]!["value"]!, null), updated), updated.ToJsonString());
        // Nothing touched the card pressed: no update of it was shown up to the new card.
        Assert.Equal(0, pg.FramesAfter(before).Count(f => (string?)f["action"] == "updateMessage"));
    }

    [Fact]
    public async Task A_my_question_from_the_Playground_user_is_answered_for_the_RevBot_user_with_their_roster_email()
    {
        NodeConformance.RequireTools(AgentsPlayground.Cli);
        var pg = (await session.StartAsync(Ct)).Playground;
        var chat = pg.PersonalChatId;
        var me = (string)pg.CurrentUser["id"]!;
        var email = (string)pg.CurrentUser["email"]!;
        const string question = "what's my pipeline?";

        // The Playground's user (Alex Wilber) is nobody in the demo company yet.
        var before = pg.FrameCount;
        await pg.SendAsync(chat, me, question, Ct);
        await pg.WaitForBotCardAsync(before, chat, c => CardJson.AllText(c).Contains("I don't know who you are in RevBot", StringComparison.Ordinal), "\"I don't know who you are\" card", Ct);

        // Give a demo rep the Playground user's address: RevBot now finds them through the Playground's roster.
        var rep = await session.WithDbAsync(db => db.Users.AsNoTracking()
            .Where(u => db.Deals.Any(d => d.OwnerId == u.Id && d.Status == DealStatus.Open)).OrderBy(u => u.Id).FirstAsync(Ct));
        await session.WithDbAsync(db => db.Users.Where(u => u.Id == rep.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, email), Ct));

        before = pg.FrameCount;
        await pg.SendAsync(chat, me, question, Ct);
        var mine = await pg.WaitForBotCardAsync(before, chat, _ => true, "pipeline card", Ct);

        Assert.True(JsonNode.DeepEquals(await session.ExpectedCardAsync(question, email), AgentsPlayground.CardOf(mine)), mine.ToJsonString());
        Assert.Equal((string?)pg.CurrentUser["aadObjectId"],
            await session.WithDbAsync(db => db.Users.Where(u => u.Id == rep.Id).Select(u => u.TeamsUserId).SingleAsync(Ct)));
    }

    private static string FirstText(JsonObject card) => (string?)card["body"]?[0]?["text"] ?? "";

    /// <summary>The host (Teams:AllowAnonymous=true) and the Playground pointed at it; started by the first test that runs.</summary>
    public class Session : IAsyncDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly string _directory = TestFiles.NewFolder("t");
        private WebApplication? _app;

        /// <summary>The install activities the host has answered (<see cref="InstallAsync"/>).</summary>
        public InstallTally Installs { get; } = new();

        public AgentsPlayground Playground { get; private set; } = null!;

        public IServiceProvider Services => _app!.Services;

        /// <summary>More host arguments, for a fixture that needs the host configured otherwise.</summary>
        protected virtual IEnumerable<string> ExtraArgs => [];

        /// <summary>Replaces host services after every registration (a fixture that runs the host on a fake clock).</summary>
        protected virtual void Configure(IServiceCollection services)
        {
        }

        public async Task<Session> StartAsync(CancellationToken ct)
        {
            await _gate.WaitAsync(ct);
            try
            {
                if (_app is not null) return this;
                var watch = Stopwatch.StartNew();
                var app = await RevBotServer.StartAsync(
                [
                    $"--Database:Target=sqlite:{Path.Combine(_directory, "playground.db")}", "--urls=http://127.0.0.1:0",
                    "--Database:DemoScale=0.02", "--Teams:AllowAnonymous=true", .. ExtraArgs,
                ], services =>
                {
                    services.AddSingleton<IStartupFilter>(Installs);
                    Configure(services);
                }, ct);
                try
                {
                    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                    Playground = await AgentsPlayground.StartAsync($"{address.TrimEnd('/')}/api/messages", ct);
                    TestContext.Current.TestOutputHelper?.WriteLine(
                        $"RevBot at {address} and the Agents Playground (pid {Playground.ProcessId}, port {Playground.Port}) up in {watch.Elapsed.TotalSeconds:0.0} s.");
                }
                catch
                {
                    await app.DisposeAsync();
                    throw;
                }
                _app = app;
                return this;
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <summary>
        /// Installs the app in <paramref name="chat"/> and waits until the host has answered both activities the
        /// Playground sends for it (it answers the install request first): then the personal chat's stored reference
        /// must be <paramref name="userId"/>'s, and stays so when the test changes who the Playground's user is.
        /// </summary>
        public async Task InstallAsync(string chat, int userId, CancellationToken ct)
        {
            var handled = Installs.Handled;
            await Playground.InstallAsync(chat, ct);
            await Installs.WhenHandledAsync(handled + 2, ct);
            var owner = await WithDbAsync(db => db.ConversationReferences.Where(r => r.ConversationId == chat).Select(r => r.UserId).FirstOrDefaultAsync(ct));
            Assert.True(owner == userId, $"The personal chat's reference is user {owner}'s, not {userId}'s.\n{Playground.Output}");
        }

        public async Task<T> WithDbAsync<T>(Func<RevBotDb, Task<T>> query)
        {
            await using var scope = _app!.Services.CreateAsyncScope();
            return await query(scope.ServiceProvider.GetRequiredService<RevBotDb>());
        }

        /// <summary>The card RevBot renders for <paramref name="question"/> asked as <paramref name="email"/>, without a conversation.</summary>
        public async Task<JsonNode> ExpectedCardAsync(string question, string? email)
        {
            await using var scope = _app!.Services.CreateAsyncScope();
            var answer = await scope.ServiceProvider.GetRequiredService<AskService>().AskAsync(new AskRequest(question, email), TestContext.Current.CancellationToken);
            return JsonNode.Parse(ReplyCardRenderer.Render(answer.Reply).ToJson())!;
        }

        public async ValueTask DisposeAsync()
        {
            GC.SuppressFinalize(this);
            // Playground first (it may still be calling the bot), then the host; each stops only what it started.
            if (Playground is not null) await Playground.DisposeAsync();
            if (_app is not null) await _app.DisposeAsync();
            _gate.Dispose();
            try { Directory.Delete(_directory, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
