namespace RevBot.Core.Replies;

/// <summary>The input to render: Slack plain_text_input / number_input / datepicker / static_select; Teams Input.Text / Number / Date / ChoiceSet.</summary>
public enum ReplyFieldKind
{
    Text,
    Multiline,
    Number,
    Date,
    Choice,
}
