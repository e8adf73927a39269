using System.CommandLine;
using System.Text.Json;
using Humanizer;
using RevBot.Core.Alerts;
using RevBot.Core.Alerts.Delivery;
using RevBot.Core.Domain;
using RevBot.Core.Localization;
using RevBot.Data.Storage;

namespace RevBot.Host.Cli;

/// <summary>
/// <c>revbot alerts scan</c>: with <c>--dry-run</c>, runs detection and prints what it found, as text or as the JSON
/// contract, storing nothing. Without it, scans as the host's schedule does: records the alerts and writes the outbox
/// messages of the new ones (<see cref="AlertDelivery"/>), then prints what it did.
/// </summary>
internal static class AlertsCommand
{
    public static readonly Option<bool> DryRun = new("--dry-run")
    {
        Description = "Print the alerts without storing or sending them. Without it, the scan records the alerts and queues the messages of new ones, like the host's schedule.",
    };

    public static readonly Option<string> Language = new("--language") { Description = string.Join(" or ", Texts.Languages.Order(StringComparer.Ordinal)) + ": the language of the reasons.", DefaultValueFactory = _ => Texts.Neutral };

    // Relaxed escaping: the output is read in a terminal or by a script, never embedded in HTML, so "&", "→" and "í" stay as they are.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        // The languages there is a catalog for: a new catalog file adds one here too.
        Language.AcceptOnlyFromAmong([.. Texts.Languages.Order(StringComparer.Ordinal)]);
        var scan = new Command("scan", "Find stalled deals and accounts at risk of churning, and print them with their reasons and recipients.")
        {
            AskCommand.AsOf, DryRun, format, Language,
        };
        scan.SetAction(async (parse, ct) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            if (!TargetResolver.TryResolve(parse, out var target)) return 2;
            if (!AskCommand.TryAsOf(parse.GetValue(AskCommand.AsOf), error, out var asOf)) return 2;
            if (!CliDatabase.Exists(target, error)) return 2;
            await using var services = CliServices.Create(target);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Core.Storage.RevBotDb>();
            var request = new AlertScanRequest(asOf, parse.GetValue(Language)!);
            var dryRun = parse.GetValue(DryRun);
            // A dry run on PostgreSQL starts its statements (seconds of the database's work) while the migrations are
            // checked (the model built, the history read: the process's start-up), on a scope of its own; a pending
            // migration stops them and nothing is printed. Not on SQLite, where the check may migrate the file.
            await using var scanScope = services.CreateAsyncScope();
            await using var early = dryRun && target.Provider == DbProvider.Postgres
                ? new StartedStream<AlertFinding>(t => scanScope.ServiceProvider.GetRequiredService<AlertScanner>().ScanAsync(request, t), ct)
                : null;
            if (!await CliDatabase.EnsureReadyAsync(db, target, error, ct)) return 2;
            if (!dryRun)
            {
                var result = await scope.ServiceProvider.GetRequiredService<AlertDelivery>().RunAsync(request, null, ct);
                await WriteDeliveryAsync(result, parse.GetValue(format) == "json", output);
                return result.Skipped ? 3 : 0;
            }
            var findings = early?.ReadAsync() ?? scope.ServiceProvider.GetRequiredService<AlertScanner>().ScanAsync(request, ct);
            if (parse.GetValue(format) == "json") await WriteJsonAsync(findings, output, ct);
            else await WriteTextAsync(findings, output, asOf, ct);
            return 0;
        });
        var alerts = new Command("alerts", "Proactive alerts: stalled deals and churn risk.");
        alerts.Subcommands.Add(scan);
        return alerts;
    }

    /// <summary>
    /// <c>{ "alerts": [ ... ] }</c>, one alert per line, written as the scan streams them: a scan over a million deals
    /// prints its first alert before the last is found and never holds them all.
    /// </summary>
    internal static async Task WriteJsonAsync(IAsyncEnumerable<AlertFinding> findings, TextWriter output, CancellationToken ct)
    {
        await output.WriteAsync("{ \"alerts\": [");
        var first = true;
        await foreach (var f in findings.WithCancellation(ct))
        {
            var alert = new
            {
                kind = EnumText.Format(f.Kind),
                subjectId = f.SubjectId,
                subjectName = f.SubjectName,
                score = f.Score,
                reasons = f.Reasons.Select(r => r.Text),
                recipients = f.Recipients,
            };
            await output.WriteAsync((first ? "\n  " : ",\n  ") + JsonSerializer.Serialize(alert, Json));
            first = false;
        }
        await output.WriteLineAsync(first ? "] }" : "\n] }");
    }

    private static async Task WriteDeliveryAsync(AlertDeliveryResult r, bool json, TextWriter output)
    {
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { skipped = r.Skipped, found = r.Found, newAlerts = r.NewAlerts, resolved = r.Resolved, messages = r.Messages }, Json));
            return;
        }
        await output.WriteLineAsync(r.Skipped
            ? "Skipped: another instance is scanning right now."
            : $"Deals and accounts flagged: {r.Found}; {"new alert".ToQuantity(r.NewAlerts)}, {r.Resolved} resolved, {"message".ToQuantity(r.Messages)} queued in the outbox.");
    }

    private static async Task WriteTextAsync(IAsyncEnumerable<AlertFinding> findings, TextWriter output, DateOnly? asOf, CancellationToken ct)
    {
        var (stalled, churn) = (0, 0);
        await foreach (var f in findings.WithCancellation(ct))
        {
            if (f.Kind == AlertKind.StalledDeal) stalled++;
            else churn++;
            var score = f.Score is { } s ? $" (risk {s}/100)" : "";
            await output.WriteLineAsync($"{EnumText.Format(f.Kind)}  {f.SubjectName} [{f.SubjectId}]{score}");
            await output.WriteLineAsync($"  {f.Summary}");
            await output.WriteLineAsync($"  to: {(f.Recipients.Count > 0 ? string.Join(", ", f.Recipients) : "(nobody: no owner)")}");
        }
        var day = asOf is { } d ? $" as of {d:yyyy-MM-dd}" : "";
        await output.WriteLineAsync($"{"stalled deal".ToQuantity(stalled)}, {"account".ToQuantity(churn)} at risk{day}. Dry run: nothing was stored or sent.");
    }
}
