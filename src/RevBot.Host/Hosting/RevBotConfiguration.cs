namespace RevBot.Host.Hosting;

/// <summary>
/// Where settings come from, for the host and for every command: <c>appsettings.json</c> (then
/// <c>appsettings.{Environment}.json</c>) from the folder of the binary, never the current folder, so the host logs
/// and behaves the same whichever folder it is started from; then environment variables; then mounted secret files.
/// </summary>
internal static class RevBotConfiguration
{
    public static string Folder => AppContext.BaseDirectory;

    /// <summary>The host's builder options: its content root (where appsettings.json is looked for) is the binary's folder.</summary>
    public static WebApplicationOptions HostOptions(string[] args) => new() { Args = args, ContentRootPath = Folder };

    /// <summary>The host's sources in the host's order, for a command that runs once (ask, health…).</summary>
    public static IConfigurationRoot ForCommand()
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } aspnet ? aspnet
            : Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } dotnet ? dotnet : "Production";
        var builder = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .SetBasePath(Folder)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables();
        HostSettings.AddMountedSecrets(builder);
        return builder.Build();
    }

    /// <summary>
    /// The address a client on this machine reaches the host at: the first of the host's <c>urls</c> setting
    /// (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>Urls</c>), else <see cref="HostSettings.DefaultUrl"/>, with a
    /// listen-on-every-interface host (<c>+</c>, <c>*</c>, <c>0.0.0.0</c>, <c>[::]</c>) read as 127.0.0.1.
    /// </summary>
    public static string LocalUrl(IConfiguration configuration)
    {
        var urls = configuration["urls"];
        var first = string.IsNullOrWhiteSpace(urls) ? HostSettings.DefaultUrl : urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        return System.Text.RegularExpressions.Regex.Replace(first, @"^(\w+://)(\+|\*|0\.0\.0\.0|\[::\])(?=[:/]|$)", "${1}127.0.0.1").TrimEnd('/');
    }
}
