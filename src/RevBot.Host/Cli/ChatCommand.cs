using System.CommandLine;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Storage;

namespace RevBot.Host.Cli;

/// <summary><c>revbot chat</c>: an interactive conversation in the terminal, with follow-ups, for trying RevBot without Slack or Teams.</summary>
internal static class ChatCommand
{
    public static Command Create()
    {
        var cmd = new Command("chat", "Talk to RevBot in the terminal (follow-ups work; empty line or 'exit' quits).") { AskCommand.AsOf, AskCommand.As };
        cmd.SetAction(async (parse, ct) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            if (!TargetResolver.TryResolve(parse, out var target)) return 2;
            if (!AskCommand.TryAsOf(parse.GetValue(AskCommand.AsOf), error, out var asOf)) return 2;
            if (!CliDatabase.Exists(target, error)) return 2;
            await using var services = CliServices.Create(target);
            await using (var check = services.CreateAsyncScope())
            {
                if (!await CliDatabase.EnsureReadyAsync(check.ServiceProvider.GetRequiredService<RevBotDb>(), target, error, ct)) return 2;
            }
            var session = $"cli:{Guid.NewGuid():N}";
            await output.WriteLineAsync("RevBot — ask about win rate, bookings, pipeline, ARR, NRR, churn… ('help' lists everything; empty line quits)");
            while (!ct.IsCancellationRequested)
            {
                await output.WriteAsync("> ");
                var line = Console.ReadLine();
                if (string.IsNullOrWhiteSpace(line) || line.Trim() is "exit" or "quit") break;
                await using var scope = services.CreateAsyncScope();
                var answer = await scope.ServiceProvider.GetRequiredService<AskService>()
                    .AskAsync(new AskRequest(line, parse.GetValue(AskCommand.As), asOf, session), ct);
                await output.WriteLineAsync(TextReplyRenderer.Render(answer.Reply, answer.Language));
            }
            return 0;
        });
        return cmd;
    }
}
