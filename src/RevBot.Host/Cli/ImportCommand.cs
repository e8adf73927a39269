using System.CommandLine;
using System.Data.Common;
using Humanizer;
using Microsoft.EntityFrameworkCore;
using RevBot.Data.Csv;
using RevBot.Data.Csv.Mapping;
using RevBot.Data.Storage;

namespace RevBot.Host.Cli;

/// <summary>
/// <c>revbot import [--map mapping.yaml] &lt;folder&gt; [--skip-invalid [--report refused.csv]]</c>: loads the canonical CSV
/// files (docs/data-format.md), or an export in its own shape through a mapping (docs/import.md), all or nothing
/// unless invalid rows are to be skipped and reported.
/// </summary>
internal static class ImportCommand
{
    public static readonly Option<FileInfo?> Map = new("--map") { Description = "A mapping file (docs/import.md) that reads the folder's export files in their own shape." };

    public static readonly Option<bool> SkipInvalid = new("--skip-invalid")
    {
        Description = "Import the valid rows and leave out the invalid ones (and the rows that refer to them), listing each in the report.",
    };

    public static readonly Option<FileInfo?> Report = new("--report") { Description = "Where --skip-invalid writes the refused rows as CSV (default: import-refused.csv here)." };

    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "The folder with users.csv, accounts.csv, deals.csv, ... (any file may be absent), or the export a --map reads." };
        var import = new Command("import", "Import a folder of canonical CSV files, or an export through a mapping, in one transaction; any bad row refuses the whole import unless --skip-invalid.")
        {
            folder, Map, SkipInvalid, Report,
        };
        OptionTypos.RefuseOptionsIn(folder, import);
        import.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (!TargetResolver.TryResolve(parse, out var target)) return 2;
            var dir = parse.GetValue(folder)!;
            if (!dir.Exists)
            {
                await error.WriteLineAsync($"revbot: the folder {dir.FullName} does not exist.");
                return 2;
            }
            var skipInvalid = parse.GetValue(SkipInvalid);
            var report = parse.GetValue(Report);
            if (report is not null && !skipInvalid)
            {
                await error.WriteLineAsync("revbot: --report goes with --skip-invalid (without it, any invalid row refuses the whole import).");
                return 2;
            }
            var reportPath = Path.GetFullPath(report?.FullName ?? "import-refused.csv");
            if (skipInvalid && !Directory.Exists(Path.GetDirectoryName(reportPath)))
            {
                await error.WriteLineAsync($"revbot: the report's folder {Path.GetDirectoryName(reportPath)} does not exist.");
                return 2;
            }
            var source = CsvSource.Folder(dir.FullName);
            if (parse.GetValue(Map) is { } map)
            {
                if (!map.Exists)
                {
                    await error.WriteLineAsync($"revbot: the mapping {map.FullName} does not exist.");
                    return 2;
                }
                var (mapped, problems) = CsvMapping.Load(map.FullName, dir.FullName);
                foreach (var problem in problems) await error.WriteLineAsync(problem.ToString());
                if (mapped is null)
                {
                    await error.WriteLineAsync($"Import refused: the mapping has {"problem".ToQuantity(problems.Count)}; no row was read and nothing was changed.");
                    return 2;
                }
                source = mapped;
            }
            await using var db = RevBotDbFactory.Create(target);
            if (!await CliDatabase.EnsureReadyAsync(db, target, error, ct, createSchema: true)) return 2;

            CsvImportResult result;
            try
            {
                result = await CsvImporter.ImportAsync(db, source, new CsvImportOptions { SkipInvalid = skipInvalid }, ct);
            }
            catch (Exception ex) when (ex is DbUpdateException or DbException)
            {
                await error.WriteLineAsync($"revbot: the database refused the import, nothing was changed: {ex.InnerException?.Message ?? ex.Message}");
                return 1;
            }
            foreach (var warning in result.Warnings) await output.WriteLineAsync($"warning: {warning}");
            foreach (var filtered in result.Filtered) await output.WriteLineAsync(filtered.ToString());
            if (!result.Succeeded)
            {
                foreach (var issue in result.Errors) await error.WriteLineAsync(issue.ToString());
                await error.WriteLineAsync($"Import refused: {"error".ToQuantity(result.Errors.Count)}; nothing was changed in {target}.");
                return 1;
            }
            foreach (var file in result.Files) await output.WriteLineAsync(file.ToString());
            if (result.UsersCreatedFromEmail > 0) await output.WriteLineAsync($"{"user".ToQuantity(result.UsersCreatedFromEmail)} known only by email {(result.UsersCreatedFromEmail == 1 ? "was" : "were")} created.");
            if (skipInvalid)
            {
                RefusedRowsReport.Write(reportPath, result.Refused);
                var rows = result.Refused.Select(r => (r.File, r.Line)).Distinct().Count();
                await output.WriteLineAsync($"{"invalid row".ToQuantity(rows)} left out; the reasons are in {reportPath}.");
            }
            await output.WriteLineAsync($"Imported {dir.FullName} into {target}.");
            return 0;
        });
        return import;
    }
}
