namespace RevBot.Host.Hosting;

/// <summary>The configuration keys of section <c>Database</c>, read before the container is built, and where secrets are mounted.</summary>
internal static class HostSettings
{
    public const string DatabaseTargetKey = "Database:Target";

    public const string QuestionReplicaKey = "Database:QuestionReplica";
    public const string MigrateOnStartKey = "Database:MigrateOnStart";
    public const string SeedDemoKey = "Database:SeedDemoData";
    public const string DemoScaleKey = "Database:DemoScale";
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The folder of mounted secret files (Docker/Kubernetes secrets); <c>REVBOT_SECRETS_DIR</c> moves it.</summary>
    public const string DefaultSecretsDirectory = "/run/secrets";

    /// <summary>
    /// One file per setting, named like the environment variable (<c>Slack__SigningSecret</c>) and holding only the
    /// value: secrets then never sit in the environment, where process listings and crash dumps show them. Added last,
    /// so a mounted secret wins over a variable of the same name. A missing folder is fine.
    /// </summary>
    public static void AddMountedSecrets(IConfigurationBuilder configuration)
    {
        var folder = Environment.GetEnvironmentVariable("REVBOT_SECRETS_DIR") is { Length: > 0 } dir ? dir : DefaultSecretsDirectory;
        configuration.AddKeyPerFile(folder, optional: true, reloadOnChange: false);
    }
}
