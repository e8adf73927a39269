using RevBot.Core.Replies;

namespace RevBot.Testing;

/// <summary>A deal card and its update form as Core builds them, for the Slack and Teams conformance checks.</summary>
public static class DealReplySamples
{
    public static Reply Card() => new()
    {
        Kind = ReplyKind.Card,
        Title = "Acme Corporation – renewal 2026",
        Text = "Acme Corporation · owned by Rob Rep · $123,456 · Proposal",
        Notice = "Updated by Rob Rep just now",
        Facts = [new ReplyFact("Amount", "$123,456"), new ReplyFact("Stage", "Proposal (10 days)"), new ReplyFact("Forecast", "Best case"), new ReplyFact("Close date", "Dec 15, 2026")],
        Context = ["Rob Rep · amount $50,000 → $123,456 · Slack · just now"],
        Actions =
        [
            new ReplyAction("deal.update", "Update", "v1|7|k1|deal-1", ReplyActionStyle.Primary), WinAction(),
            new ReplyAction("deal.lose", "Mark lost", "v1|7|k1|deal-1", ReplyActionStyle.Danger), new ReplyAction("deal.log", "Log activity", "v1|7|k1|deal-1"),
            new ReplyAction("deal.push_week", "+1 week", "v1|7|k1|deal-1")
            {
                Confirm = new ReplyConfirm("Push the close date?", "Move the expected close date of Acme Corporation – renewal 2026 ($123,456) to Dec 22, 2026?", "Push", "Cancel", new ReplyAction("deal.back", "Cancel", "deal-1")),
            }, new ReplyAction("deal.push_month", "+1 month", "v1|7|k1|deal-1"),
        ],
    };

    /// <summary>Mark won as the card has it: it asks first.</summary>
    public static ReplyAction WinAction(bool spanish = false) => new("deal.win", spanish ? "Marcar ganado" : "Mark won", "v1|7|k1|deal-1", ReplyActionStyle.Primary)
    {
        Confirm = spanish
            ? new ReplyConfirm("¿Marcar este negocio como ganado?", "¿Marcar Acme Corporation – renewal 2026 (123.456 $) como ganado? Se cierra hoy como Closed Won.", "Marcar ganado", "Cancelar", new ReplyAction("deal.back", "Cancelar", "deal-1"))
            : new ReplyConfirm("Mark this deal won?", "Mark Acme Corporation – renewal 2026 ($123,456) as won? It closes today as Closed Won.", "Mark won", "Cancel", new ReplyAction("deal.back", "Cancel", "deal-1")),
    };

    public static ReplyForm Form() => new()
    {
        Id = "deal.update",
        Title = "Update deal",
        SubmitLabel = "Save",
        Intro = "Acme Corporation – renewal 2026 · v7",
        State = new ReplyFormState("deal-1", 7, "k1"),
        Cancel = new ReplyAction("deal.back", "Cancel", "deal-1"),
        Fields =
        [
            new ReplyFormField { Id = "stage", Label = "Stage", Kind = ReplyFieldKind.Choice, Value = "Proposal", Required = true, RequiredError = "Choose a stage.", Choices = [new("Discovery", "Discovery"), new("Proposal", "Proposal"), new("Negotiation", "Negotiation")] },
            new ReplyFormField { Id = "amount", Label = "Amount (USD)", Kind = ReplyFieldKind.Number, Value = "50000", Required = true, Min = 0 },
            new ReplyFormField { Id = "closeDate", Label = "Expected close date", Kind = ReplyFieldKind.Date, Value = "2026-12-15", Required = true },
            new ReplyFormField { Id = "probability", Label = "Probability (%)", Kind = ReplyFieldKind.Number, Value = "60", Min = 0, Max = 100 },
            new ReplyFormField { Id = "nextStep", Label = "Next step", Kind = ReplyFieldKind.Multiline, Value = "Send the order form", MaxLength = 500, Placeholder = "What happens next?" },
        ],
    };

    /// <summary>The update form as it comes back when Core refuses the amount.</summary>
    public static ReplyForm FormWithErrors() => Form() with
    {
        Error = "Nothing was saved: fix the fields below.",
        Fields = [.. Form().Fields.Select(f => f.Id == "amount" ? f with { Value = "-5", Error = "Amount must be a number of 0 or more." } : f)],
    };
}
