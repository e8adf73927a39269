using System.CommandLine;
using System.Text.Json;
using RevBot.Core.Answers;
using RevBot.Core.Conversation;
using RevBot.Core.Digests;
using RevBot.Core.Localization;
using RevBot.Core.Metrics;

namespace RevBot.Host.Cli;

/// <summary><c>revbot digest preview &lt;kind&gt;</c>: builds a digest now, prints it and writes its chart PNGs.</summary>
internal static class DigestCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = "sales, cs, marketing, finance or exec." };
        kind.AcceptOnlyFromAmong([.. DigestKinds.All.Select(DigestKinds.Name)]);
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for the chart PNGs (created if needed; default: the current folder)." };
        var filters = new Option<string[]>("--filter") { Description = "A subscription filter such as region=EMEA, segment=SMB or team=\"Sales EMEA\" (repeatable).", AllowMultipleArgumentsPerToken = false };
        // The languages there is a catalog for: a new catalog file adds one here too.
        var language = new Option<string>("--lang") { Description = string.Join(" or ", Texts.Languages.Order(StringComparer.Ordinal)) + ".", DefaultValueFactory = _ => Texts.Neutral };
        language.AcceptOnlyFromAmong([.. Texts.Languages.Order(StringComparer.Ordinal)]);
        var preview = new Command("preview", "Build a digest now, print it and write its charts.") { kind, AskCommand.AsOf, format, output, filters, language };
        OptionTypos.RefuseOptionsIn(kind, preview);
        preview.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var stdout = parse.InvocationConfiguration.Output;
            if (!TargetResolver.TryResolve(parse, out var target)) return 2;
            if (!AskCommand.TryAsOf(parse.GetValue(AskCommand.AsOf), error, out var asOf)) return 2;
            if (!TryFilters(parse.GetValue(filters) ?? [], out var parsedFilters, out var problem))
            {
                await error.WriteLineAsync($"revbot: {problem}");
                return 2;
            }
            DigestKinds.TryParse(parse.GetValue(kind), out var digestKind);
            if (!CliDatabase.Exists(target, error)) return 2;
            await using var services = CliServices.Create(target);
            await using var scope = services.CreateAsyncScope();
            if (!await CliDatabase.EnsureReadyAsync(scope.ServiceProvider.GetRequiredService<RevBot.Core.Storage.RevBotDb>(), target, error, ct)) return 2;
            var builder = scope.ServiceProvider.GetRequiredService<DigestBuilder>();
            var request = new DigestRequest(digestKind, asOf ?? builder.Today, parsedFilters, parse.GetValue(language)!);
            Digest digest;
            try
            {
                digest = await builder.BuildAsync(request, ct: ct);
            }
            catch (MetricNotSupportedException ex)
            {
                await error.WriteLineAsync($"revbot: {ex.Message}");
                return 2;
            }
            var folder = parse.GetValue(output) ?? new DirectoryInfo(Directory.GetCurrentDirectory());
            folder.Create();
            foreach (var chart in digest.Charts)
            {
                var image = DigestChartRenderer.Render(chart, digest.Language, digest.Currency);
                await File.WriteAllBytesAsync(Path.Combine(folder.FullName, image.FileName), image.Png, ct);
            }
            await stdout.WriteAsync(parse.GetValue(format) == "json"
                ? JsonSerializer.Serialize(DigestDocument.From(digest), AskCommand.Json) + Environment.NewLine
                : DigestTextRenderer.Render(DigestReplies.Render(digest), folder.FullName));
            return 0;
        });
        var digestCommand = new Command("digest", "Weekly digests for sales, customer success, marketing, finance and executives.");
        digestCommand.Subcommands.Add(preview);
        return digestCommand;
    }

    private static bool TryFilters(IEnumerable<string> texts, out Dictionary<Dimension, string> filters, out string? problem)
    {
        filters = [];
        problem = null;
        foreach (var text in texts)
        {
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == text.Length - 1 || !Enum.TryParse<Dimension>(text[..eq].Trim().Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var dimension) || int.TryParse(text[..eq], out _))
            {
                problem = $"--filter must look like region=EMEA (one of {string.Join(", ", Enum.GetValues<Dimension>().Select(DimensionText.Key))}); got '{text}'.";
                return false;
            }
            filters[dimension] = text[(eq + 1)..].Trim();
        }
        return true;
    }
}
