using System.CommandLine;
using System.Text.Json;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Core.Periods;
using RevBot.Core.Storage;

namespace RevBot.Host.Cli;

/// <summary><c>revbot ask "question"</c>: one answer, as text or as the JSON contract.</summary>
internal static class AskCommand
{
    public static readonly Option<string?> AsOf = new("--as-of") { Description = "Answer as if today were this date (YYYY-MM-DD)." };
    public static readonly Option<string?> As = new("--as") { Description = "Ask as this user (email): decides what \"my\" means." };
    public static readonly Option<string?> Session = new("--session") { Description = "Continue a conversation across calls (follow-ups like \"and last quarter?\")." };
    public static readonly Option<string> Format = new("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
    public static readonly Option<FileInfo?> ChartOut = new("--chart-out")
    {
        Description = "Write the answer's chart to this PNG file (a trend, breakdown or ranked list; the question need not say \"chart\").",
    };

    public const int MaxSessionLength = ConversationState.MaxKeyLength - 4;

    internal static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull, WriteIndented = true };

    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question, in English or Spanish." };
        Format.AcceptOnlyFromAmong("text", "json");
        // Stored as "cli:" + the id in a conversation key: a longer one would fail when the context is saved.
        Session.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { Length: > MaxSessionLength } s)
                r.AddError($"--session is {s.Length} characters long; at most {MaxSessionLength} are allowed.");
        });
        var cmd = new Command("ask", "Ask a question and print the answer.") { question, AsOf, As, Session, Format, ChartOut };
        OptionTypos.RefuseOptionsIn(question, cmd);
        cmd.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!TargetResolver.TryResolve(parse, out var target)) return 2;
            if (!TryAsOf(parse.GetValue(AsOf), error, out var asOf)) return 2;
            if (!CliDatabase.Exists(target, error)) return 2;
            await using var services = CliServices.Create(target);
            // One question, then the process ends: read only the names it could mention, not every account.
            services.GetRequiredService<VocabularyCache>().OneQuestion = true;
            await using var scope = services.CreateAsyncScope();
            if (!await CliDatabase.EnsureReadyAsync(scope.ServiceProvider.GetRequiredService<RevBotDb>(), target, error, ct)) return 2;
            var ask = scope.ServiceProvider.GetRequiredService<AskService>();
            var session = parse.GetValue(Session) is { Length: > 0 } s ? $"cli:{s}" : null;
            var chartOut = parse.GetValue(ChartOut);
            var answer = await ask.AskAsync(new AskRequest(parse.GetValue(question)!, parse.GetValue(As), asOf, session) { Chart = chartOut is not null }, ct);
            var text = parse.GetValue(Format) == "json" ? JsonSerializer.Serialize(answer, Json) + Environment.NewLine : TextReplyRenderer.Render(answer.Reply, answer.Language);
            if (chartOut is null)
            {
                // The terminal shows no picture: say how to get the one the question asked for.
                var hint = answer.Chart is null || parse.GetValue(Format) == "json" ? ""
                    : Texts.Get(answer.Language, nameof(Catalog.CliChartHint)) + Environment.NewLine;
                return await WriteAsync(text + hint, 0);
            }
            // One number is no chart: the answer is printed, the file is not written, and the exit code says so.
            if (answer.ChartImage is not { } image)
            {
                await error.WriteLineAsync($"revbot: this answer has no series to chart (ask by month, by quarter or by rep); {chartOut.FullName} was not written.");
                return await WriteAsync(text, 1);
            }
            chartOut.Directory?.Create();
            await File.WriteAllBytesAsync(chartOut.FullName, image.Png, ct);
            return await WriteAsync(parse.GetValue(Format) == "json" ? text : text + $"Chart: {chartOut.FullName} ({answer.Chart!.Title}){Environment.NewLine}", 0);

            async Task<int> WriteAsync(string output, int code)
            {
                await parse.InvocationConfiguration.Output.WriteAsync(output);
                return code;
            }
        });
        return cmd;
    }

    internal static bool TryAsOf(string? text, TextWriter error, out DateOnly? asOf)
    {
        asOf = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (SupportedDates.TryParse(text, out var d, out var problem))
        {
            asOf = d;
            return true;
        }
        error.WriteLine($"revbot: --as-of {problem} (got '{text}').");
        return false;
    }
}
