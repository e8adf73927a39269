using System.CommandLine;
using System.Text.Json;
using RevBot.Core.Conversation;
using RevBot.Core.Periods;

namespace RevBot.Host.Cli;

/// <summary><c>revbot ask "question"</c>: one answer, as text or as the JSON contract.</summary>
internal static class AskCommand
{
    public static readonly Option<string?> AsOf = new("--as-of") { Description = "Answer as if today were this date (YYYY-MM-DD)." };
    public static readonly Option<string?> As = new("--as") { Description = "Ask as this user (email): decides what \"my\" means." };
    public static readonly Option<string?> Session = new("--session") { Description = "Continue a conversation across calls (follow-ups like \"and last quarter?\")." };
    public static readonly Option<string> Format = new("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };

    internal static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull, WriteIndented = true };

    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question, in English or Spanish." };
        Format.AcceptOnlyFromAmong("text", "json");
        var cmd = new Command("ask", "Ask a question and print the answer.") { question, AsOf, As, Session, Format };
        cmd.SetAction(async (parse, ct) =>
        {
            if (!TargetResolver.TryResolve(parse, out var target)) return 2;
            if (!TryAsOf(parse.GetValue(AsOf), out var asOf)) return 2;
            await using var services = CliServices.Create(target);
            await using var scope = services.CreateAsyncScope();
            var ask = scope.ServiceProvider.GetRequiredService<AskService>();
            var session = parse.GetValue(Session) is { Length: > 0 } s ? $"cli:{s}" : null;
            var answer = await ask.AskAsync(new AskRequest(parse.GetValue(question)!, parse.GetValue(As), asOf, session), ct);
            Console.Out.Write(parse.GetValue(Format) == "json" ? JsonSerializer.Serialize(answer, Json) + Environment.NewLine : TextReplyRenderer.Render(answer.Reply));
            return 0;
        });
        return cmd;
    }

    internal static bool TryAsOf(string? text, out DateOnly? asOf)
    {
        asOf = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (SupportedDates.TryParse(text, out var d, out var error))
        {
            asOf = d;
            return true;
        }
        Console.Error.WriteLine($"revbot: --as-of {error} (got '{text}').");
        return false;
    }
}
