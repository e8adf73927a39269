using System.CommandLine;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RevBot.Data.Csv;
using RevBot.Data.Storage;

namespace RevBot.Host.Cli;

/// <summary><c>revbot import &lt;folder&gt;</c>: loads the canonical CSV files (docs/data-format.md), all or nothing.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "The folder with users.csv, accounts.csv, deals.csv, ... (any file may be absent)." };
        var import = new Command("import", "Import a folder of canonical CSV files in one transaction; any bad row refuses the whole import.") { folder };
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
            await using var db = RevBotDbFactory.Create(target);
            if (!await CliDatabase.EnsureReadyAsync(db, target, error, ct, createSchema: true)) return 2;

            CsvImportResult result;
            try
            {
                result = await CsvImporter.ImportAsync(db, dir.FullName, ct: ct);
            }
            catch (Exception ex) when (ex is DbUpdateException or DbException)
            {
                await error.WriteLineAsync($"revbot: the database refused the import, nothing was changed: {ex.InnerException?.Message ?? ex.Message}");
                return 1;
            }
            foreach (var warning in result.Warnings) await output.WriteLineAsync($"warning: {warning}");
            if (!result.Succeeded)
            {
                foreach (var issue in result.Errors) await error.WriteLineAsync(issue.ToString());
                await error.WriteLineAsync($"Import refused: {result.Errors.Count} error(s); nothing was changed in {target}.");
                return 1;
            }
            foreach (var file in result.Files) await output.WriteLineAsync(file.ToString());
            if (result.UsersCreatedFromEmail > 0) await output.WriteLineAsync($"{result.UsersCreatedFromEmail} user(s) known only by email were created.");
            await output.WriteLineAsync($"Imported {dir.FullName} into {target}.");
            return 0;
        });
        return import;
    }
}
