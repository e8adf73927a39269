using System.CommandLine;
using RevBot.Core.Conversation;

namespace RevBot.Host.Cli;

/// <summary><c>revbot chat</c>: an interactive conversation in the terminal, with follow-ups, for trying RevBot without Slack or Teams.</summary>
internal static class ChatCommand
{
    public static Command Create()
    {
        var cmd = new Command("chat", "Talk to RevBot in the terminal (follow-ups work; empty line or 'exit' quits).") { AskCommand.AsOf, AskCommand.As };
        cmd.SetAction(async (parse, ct) =>
        {
            if (!TargetResolver.TryResolve(parse, out var target)) return 2;
            if (!AskCommand.TryAsOf(parse.GetValue(AskCommand.AsOf), out var asOf)) return 2;
            await using var services = CliServices.Create(target);
            var session = $"cli:{Guid.NewGuid():N}";
            Console.WriteLine("RevBot — ask about win rate, bookings, pipeline, ARR, NRR, churn… ('help' lists everything; empty line quits)");
            while (!ct.IsCancellationRequested)
            {
                Console.Write("> ");
                var line = Console.ReadLine();
                if (string.IsNullOrWhiteSpace(line) || line.Trim() is "exit" or "quit") break;
                await using var scope = services.CreateAsyncScope();
                var answer = await scope.ServiceProvider.GetRequiredService<AskService>()
                    .AskAsync(new AskRequest(line, parse.GetValue(AskCommand.As), asOf, session), ct);
                Console.WriteLine(TextReplyRenderer.Render(answer.Reply));
            }
            return 0;
        });
        return cmd;
    }
}
