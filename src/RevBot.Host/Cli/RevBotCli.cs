using System.CommandLine;
using System.CommandLine.Invocation;

namespace RevBot.Host.Cli;

/// <summary>
/// The <c>revbot</c> command line. With no command it serves, so <c>dotnet run</c> starts the bot. Anything it does not
/// know (a command, an option, a stray word) is refused before any command runs, with System.CommandLine's own "did
/// you mean" suggestions; the only words passed through to the host are its settings (<see cref="ServeCommand.Settings"/>).
/// </summary>
public static class RevBotCli
{
    /// <param name="overrides">Runs after the registrations of the commands that run systems of record (tests register scripted connectors).</param>
    public static RootCommand Create(Action<IServiceCollection>? overrides = null)
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
        root.Subcommands.Add(ForecastCommand.Create());
        root.Subcommands.Add(SyncCommand.Create(overrides));
        // `revbot` alone behaves as `revbot serve`, with its options and settings.
        foreach (var option in serve.Options) root.Options.Add(option);
        root.Action = serve.Action;
        CliFailures.WrapEveryAction(root);
        return root;
    }

    /// <summary>
    /// Parses and runs a command line, as <c>Program</c> does. A mistake in it is reported on standard error (so a
    /// script's output never holds half an error): the suggestions, the error, where to find the options; exit 2.
    /// </summary>
    public static Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null, CancellationToken ct = default) =>
        RunAsync(args, configuration, null, ct);

    internal static async Task<int> RunAsync(string[] args, InvocationConfiguration? configuration, Action<IServiceCollection>? overrides, CancellationToken ct)
    {
        configuration ??= new InvocationConfiguration();
        var parse = Create(overrides).Parse(args);
        if (parse.Action is not ParseErrorAction mistake) return await parse.InvokeAsync(configuration, ct);
        mistake.ShowHelp = false;
        mistake.ShowTypoCorrections = true;
        parse.Invoke(new InvocationConfiguration { Output = configuration.Error, Error = configuration.Error });
        var names = new List<string>();
        for (var r = parse.CommandResult; r.Parent is System.CommandLine.Parsing.CommandResult parent; r = parent) names.Insert(0, r.Command.Name);
        var command = string.Join(' ', names.Prepend("revbot"));
        await configuration.Error.WriteLineAsync($"Nothing was done. `{command} --help` lists what it accepts.");
        return 2;
    }
}
