namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>The App Home tab, published per user with views.publish.</summary>
public sealed record HomeView(IReadOnlyList<Block> Blocks) : View("home", Blocks);
