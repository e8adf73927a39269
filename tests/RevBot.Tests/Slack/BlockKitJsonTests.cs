using RevBot.Slack;
using RevBot.Slack.Protocol.BlockKit;
using RevBot.Slack.Protocol.WebApi;

namespace RevBot.Tests.Slack;

public sealed class BlockKitJsonTests
{
    [Fact]
    public void Blocks_serialize_to_slacks_json_with_the_type_first_and_no_nulls()
    {
        Block[] blocks =
        [
            new HeaderBlock(new PlainText("Win rate")),
            new SectionBlock(new MrkdwnText("*42%*")) { Fields = [new MrkdwnText("*Won*\n12")] },
            new DividerBlock(),
            new ActionsBlock([new ButtonElement(new PlainText("By owner"), "ask:1") { Value = "win rate by owner", Style = ButtonStyle.Primary }]),
        ];
        Assert.Equal(
            """[{"type":"header","text":{"type":"plain_text","text":"Win rate"}},{"type":"section","text":{"type":"mrkdwn","text":"*42%*"},"fields":[{"type":"mrkdwn","text":"*Won*\n12"}]},{"type":"divider"},{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"By owner"},"action_id":"ask:1","value":"win rate by owner","style":"primary"}]}]""",
            SlackJson.Serialize(blocks));
    }

    [Fact]
    public void A_modal_with_every_input_serializes_to_slacks_names()
    {
        var view = new ModalView(new PlainText("Update deal"),
        [
            new InputBlock(new PlainText("Amount"), new NumberInputElement("amount", IsDecimalAllowed: true) { MinValue = "0" }) { BlockId = "amount" },
            new InputBlock(new PlainText("Close date"), new DatepickerElement("close") { InitialDate = DatepickerElement.FormatDate(new DateOnly(2026, 12, 31)) }) { Optional = true },
        ])
        { Submit = new PlainText("Save"), CallbackId = "deal.update" };

        Assert.Equal(
            """{"type":"modal","title":{"type":"plain_text","text":"Update deal"},"submit":{"type":"plain_text","text":"Save"},"blocks":[{"type":"input","label":{"type":"plain_text","text":"Amount"},"element":{"type":"number_input","action_id":"amount","is_decimal_allowed":true,"min_value":"0"},"block_id":"amount"},{"type":"input","label":{"type":"plain_text","text":"Close date"},"element":{"type":"datepicker","action_id":"close","initial_date":"2026-12-31"},"optional":true}],"callback_id":"deal.update"}""",
            SlackJson.Serialize<View>(view));
    }

    [Fact]
    public void Web_api_requests_use_snake_case_and_enum_names()
    {
        var json = SlackJson.Serialize(new ResponseUrlMessage("hi") { ResponseType = SlackResponseType.InChannel, ReplaceOriginal = false });
        Assert.Equal("""{"text":"hi","response_type":"in_channel","replace_original":false}""", json);
    }
}
