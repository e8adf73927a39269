using System.CommandLine;
using RevBot.Data.Csv;
using RevBot.Data.Storage;

namespace RevBot.Host.Cli;

/// <summary><c>revbot export &lt;folder&gt;</c>: writes the database as the canonical CSV files, which <c>import</c> reads back.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Where to write the twelve CSV files (created if needed; existing files are replaced)." };
        var export = new Command("export", "Export the database as canonical CSV files (see docs/data-format.md).") { folder };
        OptionTypos.RefuseOptionsIn(folder, export);
        export.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (!TargetResolver.TryResolve(parse, out var target)) return 2;
            var dir = parse.GetValue(folder)!;
            if (!CliDatabase.Exists(target, parse.InvocationConfiguration.Error)) return 2;
            await using var db = RevBotDbFactory.Create(target);
            if (!await CliDatabase.EnsureReadyAsync(db, target, parse.InvocationConfiguration.Error, ct)) return 2;
            var files = await CsvExporter.ExportAsync(db, dir.FullName, ct);
            foreach (var file in files) await output.WriteLineAsync($"{file.File}: {file.Rows} rows");
            await output.WriteLineAsync($"Exported {target} to {dir.FullName}.");
            return 0;
        });
        return export;
    }
}
