
using RevBot.Teams.Protocol.Cards;

namespace RevBot.Testing;

/// <summary>A form with every input type and every action type: the parts of the card model the renderer does not use yet.</summary>
public static class TeamsInputFormSample
{
    public static AdaptiveCard Create() => new()
    {
        Body =
        [
            new RichTextBlock { Inlines = [new TextRun { Text = "Update ", Weight = TextWeight.Bolder }, new TextRun { Text = "Acme renewal", Italic = true, Color = TextColor.Accent }] },
            new ColumnSet
            {
                Columns =
                [
                    new Column { Width = ColumnWidth.Auto, Items = [new Image { Url = new Uri("https://www.example.com/revbot/owner.png"), AltText = "Owner", Size = ImageSize.Small, Style = ImageStyle.Person }] },
                    new Column { Width = ColumnWidth.Stretch, VerticalContentAlignment = VerticalAlignment.Center, Items = [new TextBlock { Text = "Ana López · Proposal", Wrap = true }] },
                    new Column { Width = ColumnWidth.Px(80), Items = [new TextBlock { Text = "$120,000", HorizontalAlignment = HorizontalAlignment.Right }] },
                ],
            },
            new Container
            {
                Style = ContainerStyle.Emphasis,
                Items =
                [
                    new InputText("note") { Label = "Note", Placeholder = "What changed?", IsMultiline = true, MaxLength = 500, IsRequired = true, ErrorMessage = "Add a note." },
                    new InputText("email") { Label = "Notify", Style = TextInputStyle.Email, Regex = "^[^@]+@[^@]+$", ErrorMessage = "Enter an email address." },
                    new InputNumber("amount") { Label = "Amount", Min = 0, Max = 10_000_000, Value = 120_000, IsRequired = true, ErrorMessage = "Enter an amount from 0 to 10,000,000." },
                    new InputDate("closeDate") { Label = "Close date", Min = new DateOnly(2025, 1, 1), Value = new DateOnly(2025, 9, 30), IsRequired = true, ErrorMessage = "Pick a close date." },
                    new InputTime("callTime") { Label = "Call at", Value = "14:30", Min = "08:00", Max = "18:00" },
                    new InputChoiceSet("stage")
                    {
                        Label = "Stage", IsRequired = true, ErrorMessage = "Pick a stage.", Style = ChoiceInputStyle.Compact, Value = "proposal",
                        Choices = [new("Proposal", "proposal"), new("Negotiation", "negotiation"), new("Closed Won", "won")],
                    },
                    new InputChoiceSet("tags") { Label = "Tags", IsMultiSelect = true, Style = ChoiceInputStyle.Expanded, Choices = [new("Renewal", "renewal"), new("Upsell", "upsell")] },
                    new InputChoiceSet("account") { Label = "Account", Style = ChoiceInputStyle.Filtered, Choices = [new("Acme", "a-1"), new("Globex", "a-2")] },
                    new InputToggle("notifyOwner") { Label = "Owner", Title = "Tell the owner", Value = "true", ValueOn = "true", ValueOff = "false" },
                ],
            },
            new TextBlock { Id = "details", Text = "Last changed by Ana on Sep 3.", IsVisible = false, Size = TextSize.Small, IsSubtle = true, Wrap = true },
            new ActionSet { Actions = [new ToggleVisibilityAction { Title = "Details", TargetElements = [new TargetElement("details")] }] },
        ],
        Actions =
        [
            new ExecuteAction { Title = "Save", Verb = "deal.update", Data = new Dictionary<string, string> { ["dealId"] = "D-1001" }, Style = ActionStyle.Positive },
            new SubmitAction { Title = "Save (classic)", Data = new Dictionary<string, string> { ["dealId"] = "D-1001" } },
            new ShowCardAction
            {
                Title = "Mark lost",
                Card = new AdaptiveCard
                {
                    Body = [new InputText("lossReason") { Label = "Why was it lost?", IsRequired = true, ErrorMessage = "Give a reason." }],
                    Actions = [new ExecuteAction { Title = "Mark lost", Verb = "deal.lost", Style = ActionStyle.Destructive, Data = new Dictionary<string, string> { ["dealId"] = "D-1001" } }],
                },
            },
            new OpenUrlAction { Title = "Open in CRM", Url = new Uri("https://www.example.com/crm/deals/D-1001"), Mode = ActionMode.Secondary },
        ],
    };
}
