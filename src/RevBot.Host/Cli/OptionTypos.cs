using System.CommandLine;

namespace RevBot.Host.Cli;

/// <summary>
/// An argument (a question, a folder, a digest kind) would otherwise take a misspelt option as its value:
/// <c>revbot ask --as-off 2026-01-01 "…"</c> would ask "--as-off". Words that look like options are refused there,
/// with the nearest option of the command, as System.CommandLine suggests for the unmatched words it sees itself. (A
/// folder named like an option is written <c>./-name</c>; no question starts with a dash and a letter.)
/// </summary>
internal static class OptionTypos
{
    public static void RefuseOptionsIn(Argument argument, Command command) =>
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Select(t => t.Value).Where(v => v.Length > 1 && v[0] == '-' && !char.IsDigit(v[1])))
            {
                var names = command.Options.Where(o => !o.Hidden).Select(o => o.Name).Append(CommonOptions.Db.Name);
                var nearest = names.Select(n => (n, d: Distance(token, n))).Where(x => x.d <= 3).OrderBy(x => x.d).Select(x => x.n).FirstOrDefault();
                result.AddError($"'{token}' is not an option{(nearest is null ? "." : $"; did you mean {nearest}?")}");
            }
        });

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var (previous, row0) = (row[0], i);
            row[0] = row0;
            for (var j = 1; j <= b.Length; j++)
            {
                var next = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                (previous, row[j]) = (row[j], next);
            }
        }
        return row[b.Length];
    }
}
