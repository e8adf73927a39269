using System.CommandLine;

namespace RevBot.Host.Cli;

/// <summary>The <c>revbot</c> command line. With no command it serves, so <c>dotnet run</c> starts the bot.</summary>
public static class RevBotCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand("RevBot: revenue numbers, alerts and deal updates in Slack and Microsoft Teams.");
        root.Options.Add(CommonOptions.Db);
        var serve = ServeCommand.Create();
        root.Subcommands.Add(serve);
        root.Subcommands.Add(DbCommand.Create());
        root.Subcommands.Add(AskCommand.Create());
        root.Subcommands.Add(ChatCommand.Create());
        root.Subcommands.Add(AlertsCommand.Create());
        root.Subcommands.Add(HealthCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(DigestCommand.Create());
        // `revbot` alone behaves as `revbot serve`, passing through host settings such as --urls.
        foreach (var option in serve.Options) root.Options.Add(option);
        root.TreatUnmatchedTokensAsErrors = false;
        root.Action = serve.Action;
        return root;
    }
}
