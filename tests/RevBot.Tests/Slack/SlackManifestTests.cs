using RevBot.Slack.Protocol.Endpoints;
using RevBot.Testing;
using YamlDotNet.RepresentationModel;

namespace RevBot.Tests.Slack;

/// <summary>The two manifests must describe the same app, and the HTTP one must point at the endpoints the host maps.</summary>
public sealed class SlackManifestTests
{
    private static readonly string[] Scopes =
        ["app_mentions:read", "channels:read", "chat:write", "commands", "files:write", "groups:read", "im:history", "im:write", "users:read", "users:read.email"];

    private static readonly string[] Events = ["app_home_opened", "app_mention", "message.im"];

    [Theory]
    [InlineData("manifest.yml")]
    [InlineData("manifest.socket-mode.yml")]
    public void Both_manifests_ask_for_the_same_least_scopes_events_and_surfaces(string file)
    {
        var root = Load(file);
        Assert.Equal(Scopes, Strings(root, "oauth_config", "scopes", "bot"));
        Assert.Equal(Events, Strings(root, "settings", "event_subscriptions", "bot_events"));
        Assert.Equal("/revbot", Scalar(((YamlSequenceNode)Node(root, "features", "slash_commands"))[0], "command"));
        Assert.Equal("true", Scalar(root, "features", "app_home", "home_tab_enabled"));
        Assert.Equal("true", Scalar(root, "features", "app_home", "messages_tab_enabled"));
        Assert.Equal("true", Scalar(root, "settings", "interactivity", "is_enabled"));
        Assert.InRange(Scalar(root, "display_information", "long_description").Length, 175, 4000);
    }

    [Fact]
    public void The_http_manifest_points_at_the_mapped_endpoints_and_socket_mode_at_none()
    {
        var http = Load("manifest.yml");
        Assert.EndsWith(SlackEndpoints.EventsPath, Scalar(http, "settings", "event_subscriptions", "request_url"), StringComparison.Ordinal);
        Assert.EndsWith(SlackEndpoints.InteractivityPath, Scalar(http, "settings", "interactivity", "request_url"), StringComparison.Ordinal);
        Assert.EndsWith(SlackEndpoints.CommandsPath, Scalar(((YamlSequenceNode)Node(http, "features", "slash_commands"))[0], "url"), StringComparison.Ordinal);
        Assert.Equal("false", Scalar(http, "settings", "socket_mode_enabled"));

        var socket = Load("manifest.socket-mode.yml");
        Assert.Equal("true", Scalar(socket, "settings", "socket_mode_enabled"));
        Assert.False(((YamlMappingNode)Node(socket, "settings", "interactivity")).Children.ContainsKey(new YamlScalarNode("request_url")));
    }

    private static YamlNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(RepoPaths.File("manifests", "slack", file));
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }

    private static YamlNode Node(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)Node(node, path)).Value!;

    private static string[] Strings(YamlNode node, params string[] path) =>
        [.. ((YamlSequenceNode)Node(node, path)).Children.Select(c => ((YamlScalarNode)c).Value!)];
}
