using System.Text;
using System.Text.Json;
using RevBot.Slack;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.IntegrationTests.Slack;

/// <summary>
/// Every payload the renderer can produce is embedded as a literal typed with Slack's official @slack/types and checked
/// by tsc --strict: an unknown field, a wrong element in a block or a misspelt type fails with tsc's own message.
/// </summary>
public sealed class BlockKitConformanceTests
{
    private static readonly JsonSerializerOptions Indented = new(SlackJson.Options) { WriteIndented = true };

    [Fact]
    public async Task Every_block_kit_payload_type_checks_against_slacks_official_types()
    {
        NodeConformance.Require("@slack/types", "typescript");
        var source = TypeScript();
        var dir = Directory.CreateDirectory(Path.Combine(NodeConformance.Directory, ".generated"));
        var file = Path.Combine(dir.FullName, $"slack-payloads-{Guid.NewGuid():N}.ts");
        await File.WriteAllTextAsync(file, source, TestContext.Current.CancellationToken);
        try
        {
            var (exit, stdout, stderr) = await NodeConformance.RunAsync("", "node_modules/typescript/bin/tsc",
                "--noEmit", "--strict", "--target", "es2022", "--module", "commonjs", "--moduleResolution", "node10", "--skipLibCheck",
                Path.GetRelativePath(NodeConformance.Directory, file));
            Assert.True(exit == 0, $"tsc rejected a payload:\n{stdout}{stderr}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Every_sample_stays_within_slacks_block_limits()
    {
        Assert.All(SlackSamples.Messages(), s => Assert.InRange(s.Message.Blocks.Count, 1, BlockKitLimits.MessageBlocks));
        Assert.All(SlackSamples.Views(), s => Assert.InRange(s.View.Blocks.Count, 1, BlockKitLimits.ViewBlocks));
    }

    private static string TypeScript()
    {
        var ts = new StringBuilder();
        ts.AppendLine("import type { KnownBlock, View } from '@slack/types';");
        ts.AppendLine("type Message = { text: string; blocks: KnownBlock[] };");
        foreach (var (name, message) in SlackSamples.Messages())
            ts.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"export const {name}: Message = {JsonSerializer.Serialize(message, Indented)};");
        foreach (var (name, view) in SlackSamples.Views())
            ts.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"export const {name}: View = {JsonSerializer.Serialize(view, Indented)};");
        // Proof that the check bites: this payload is wrong (a header cannot hold mrkdwn), so tsc must report it.
        ts.AppendLine("// @ts-expect-error");
        ts.AppendLine("""export const must_fail: Message = { text: "x", blocks: [{ type: "header", text: { type: "mrkdwn", text: "x" } }] };""");
        return ts.ToString();
    }
}
