namespace RevBot.Slack.Protocol.BlockKit;

/// <summary>Slack's documented Block Kit limits; past them Slack rejects the whole message with invalid_blocks.</summary>
public static class BlockKitLimits
{
    public const int MessageBlocks = 50;
    public const int ViewBlocks = 100;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int FieldText = 2000;
    public const int HeaderText = 150;
    public const int ContextElements = 10;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ActionId = 255;
    public const int BlockId = 255;
    public const int ModalTitle = 24;
    public const int ConfirmTitle = 100;
    public const int ConfirmText = 300;
    public const int ConfirmButton = 30;
    public const int PrivateMetadata = 3000;

    /// <summary>Not Slack's limit (40,000) but a notification's: longer fallback text is cut.</summary>
    public const int FallbackText = 3000;
}
