using System.Text.RegularExpressions;
using RevBot.Testing;

namespace RevBot.Tests.Architecture;

/// <summary>
/// Each adapter's Protocol folder (signing, Web API, Socket Mode, Bot Framework auth and connector, Block Kit and card
/// models) must not use its App folder (routing, rendering RevBot's replies): the protocol can then be read, tested and
/// replaced without RevBot's features. Read from the source: a using, or a name qualified by App.
/// </summary>
public sealed partial class AdapterLayerTests
{
    public static TheoryData<string> Adapters => ["RevBot.Slack", "RevBot.Teams"];

    [Theory]
    [MemberData(nameof(Adapters))]
    public void Protocol_code_does_not_use_app_code(string adapter)
    {
        var protocol = RepoPaths.File("src", adapter, "Protocol");
        var files = Directory.GetFiles(protocol, "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Assert.True(Directory.Exists(RepoPaths.File("src", adapter, "App")), $"{adapter} has no App folder");

        var offenders = files.SelectMany(f => AppReferences(File.ReadAllText(f)).Select(r => $"{Path.GetRelativePath(RepoPaths.Root, f)}: {r}")).ToList();
        Assert.True(offenders.Count == 0, "Protocol uses App:\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("using RevBot.Slack.App.Rendering;\nnamespace RevBot.Slack.Protocol.WebApi;", 1)]
    [InlineData("namespace RevBot.Teams.Protocol.Cards;\nclass C { object x = App.Rendering.FormCard.Read(null); }", 1)]
    [InlineData("namespace RevBot.Teams.Protocol.Cards;\nclass C { object x = global::RevBot.Teams.App.Rendering.WelcomeCard.Create(); }", 1)]
    [InlineData("namespace RevBot.Slack.Protocol.WebApi;\n/// <summary>Rendered by <see cref=\"App.Rendering.ReplyRenderer\"/>.</summary>\n// App.Home publishes it\nclass C { string s = \"App.x\"; var app = new MyApp.Thing(); }", 0)]
    public void The_check_finds_app_references_in_code_and_not_in_comments_or_strings(string source, int expected) =>
        Assert.Equal(expected, AppReferences(source).Count);

    private static List<string> AppReferences(string source)
    {
        var code = CommentOrString().Replace(source, "");
        return [.. AppReference().Matches(code).Select(m => m.Value)];
    }

    [GeneratedRegex("""//[^\n]*|/\*.*?\*/|@?"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)'""", RegexOptions.Singleline)]
    private static partial Regex CommentOrString();

    [GeneratedRegex(@"RevBot\.(?:Slack|Teams)\.App\b|(?<![\w.])App\.[A-Z]\w*")]
    private static partial Regex AppReference();
}
