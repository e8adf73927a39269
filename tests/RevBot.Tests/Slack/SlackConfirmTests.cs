using System.Text.Json;
using RevBot.Core.Replies;
using RevBot.Slack;
using RevBot.Slack.App.Rendering;
using RevBot.Slack.Protocol.BlockKit;

namespace RevBot.Tests.Slack;

/// <summary>A button that asks first carries Slack's confirm dialog, fitted to its limits; other buttons act at once.</summary>
public sealed class SlackConfirmTests
{
    private static readonly ReplyAction Win = new("deal.win", "Mark won", "v1|7|k1|deal-1", ReplyActionStyle.Primary)
    {
        Confirm = new ReplyConfirm("Mark this deal won?", "Mark Acme renewal ($50,000) as won?", "Mark won", "Cancel", new ReplyAction("deal.back", "Cancel", "deal-1")),
    };

    [Fact]
    public void The_confirm_dialog_names_the_question_and_both_choices_in_slacks_shape()
    {
        var message = ReplyRenderer.Render(new Reply { Title = "Acme renewal", Text = "Open deal.", Actions = [Win, new ReplyAction("deal.update", "Update", "v1|7|k1|deal-1")] });
        var buttons = JsonDocument.Parse(SlackJson.Serialize(message)).RootElement.GetProperty("blocks").EnumerateArray().Last().GetProperty("elements");

        var confirm = buttons[0].GetProperty("confirm");
        Assert.Equal(("plain_text", "Mark this deal won?"), (confirm.GetProperty("title").GetProperty("type").GetString(), confirm.GetProperty("title").GetProperty("text").GetString()));
        Assert.Equal("Mark Acme renewal ($50,000) as won?", confirm.GetProperty("text").GetProperty("text").GetString());
        Assert.Equal(("Mark won", "Cancel", "primary"), (confirm.GetProperty("confirm").GetProperty("text").GetString(), confirm.GetProperty("deny").GetProperty("text").GetString(), confirm.GetProperty("style").GetString()));
        Assert.False(buttons[1].TryGetProperty("confirm", out _));
    }

    [Fact]
    public void Long_texts_are_fitted_to_slacks_confirm_limits()
    {
        var wordy = Win with { Confirm = new ReplyConfirm(new string('t', 150), new string('x', 400), new string('y', 40), new string('n', 40)) };
        var button = ReplyRenderer.Button(wordy, "deal.win");

        Assert.True(button.Confirm!.Title.Text.Length <= BlockKitLimits.ConfirmTitle);
        Assert.True(button.Confirm.Text.Text.Length <= BlockKitLimits.ConfirmText);
        Assert.True(button.Confirm.Confirm.Text.Length <= BlockKitLimits.ConfirmButton && button.Confirm.Deny.Text.Length <= BlockKitLimits.ConfirmButton);
    }
}
