using System.CommandLine;
using RevBot.Host.Hosting;

namespace RevBot.Host.Cli;

/// <summary><c>revbot serve</c>: runs the bot's HTTP host until stopped.</summary>
internal static class ServeCommand
{
    public static readonly Option<string?> Urls = new("--urls")
    {
        Description = "Where to listen (default http://127.0.0.1:5080, or ASPNETCORE_URLS).",
    };

    public static readonly Option<bool> Migrate = new("--migrate")
    {
        Description = "Apply database migrations before serving (always done for the embedded SQLite default).",
    };

    /// <summary>
    /// The sections whose settings may be given as switches, ASP.NET's way: <c>--Slack:SigningSecret=…</c>,
    /// <c>--Logging:LogLevel:Default=Debug</c>. One hidden option per section: the parser splits
    /// <c>--Section:Key=value</c> at the first ':' into the option and <c>Key=value</c>, so any other word is unknown
    /// and refused (a misspelt section too).
    /// </summary>
    public static readonly IReadOnlyList<string> SettingSections =
        ["Alerts", "Api", "Company", "Database", "Digests", "ForecastCalls", "Handoffs", "InboundDeliveries", "Outbox", "Questions", "Slack", "Teams", "Telemetry", "Logging", "Kestrel"];

    public static readonly IReadOnlyList<Option<string[]>> Settings = [.. SettingSections.Select(Setting)];

    public static Command Create()
    {
        var serve = new Command("serve", "Run the bot (the default command). Settings may follow as --Section:Key=value.") { Urls, Migrate };
        foreach (var setting in Settings) serve.Options.Add(setting);
        serve.SetAction(async (parse, ct) =>
        {
            var args = new List<string>();
            foreach (var setting in Settings)
                args.AddRange((parse.GetValue(setting) ?? []).Select(keyValue => $"{setting.Name}:{keyValue}"));
            // --db wins over the settings; without it the host reads Database:Target, then REVBOT_DB.
            if (parse.GetValue(CommonOptions.Db) is { Length: > 0 } db) args.Add($"--{HostSettings.DatabaseTargetKey}={db}");
            if (parse.GetValue(Urls) is { } urls) args.Add($"--urls={urls}");
            if (parse.GetValue(Migrate)) args.Add($"--{HostSettings.MigrateOnStartKey}=true");
            return await RevBotServer.RunAsync([.. args], ct);
        });
        return serve;
    }

    private static Option<string[]> Setting(string section)
    {
        var option = new Option<string[]>($"--{section}") { Hidden = true, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.IndexOf('=', StringComparison.Ordinal) <= 0))
                result.AddError($"'{token.Value}' after --{section} is not Key=value; write a setting as --{section}:Key=value.");
        });
        return option;
    }
}
