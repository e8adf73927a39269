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

    public static Command Create()
    {
        var serve = new Command("serve", "Run the bot (the default command).") { Urls, Migrate };
        serve.TreatUnmatchedTokensAsErrors = false;
        serve.SetAction(async (parse, ct) =>
        {
            var args = new List<string>(parse.UnmatchedTokens);
            if (TargetResolver.Raw(parse) is { } db) args.Add($"--{HostSettings.DatabaseTargetKey}={db}");
            if (parse.GetValue(Urls) is { } urls) args.Add($"--urls={urls}");
            if (parse.GetValue(Migrate)) args.Add($"--{HostSettings.MigrateOnStartKey}=true");
            return await RevBotServer.RunAsync([.. args], ct);
        });
        return serve;
    }
}
