using RevBot.Core.Conversation;
using RevBot.Core.Metrics;

namespace RevBot.Tests.Conversation;

/// <summary>The one company vocabulary every parser test uses: names chosen to trip a careless matcher (two Janes, a rep called Will, a region called "West").</summary>
internal static class TestVocabulary
{
    public static QuestionVocabulary Instance { get; } = new(new Dictionary<Dimension, IReadOnlyList<NamedEntity>>
    {
        [Dimension.Owner] =
        [
            new("rep@example.com", "Morgan Reyes"),
            new("darcel.schlecht@example.com", "Darcel Schlecht"),
            new("moses.frase@example.com", "Moses Frase"),
            new("jane.cooper@example.com", "Jane Cooper"),
            new("jane.foster@example.com", "Jane Foster"),
            new("will.turner@example.com", "Will Turner"),
            new("anna.snelling@example.com", "Anna Snelling"),
            new("maria.garcia@example.com", "María García"),
        ],
        [Dimension.Team] =
        [
            new("team-dustin", "Dustin Brinkmann"),
            new("team-cooper", "Jane Cooper"),
            new("team-phoenix", "Phoenix"),
        ],
        [Dimension.Region] = [new("NA", "NA"), new("EMEA", "EMEA"), new("APAC", "APAC"), new("LATAM", "LATAM"), new("West", "West"), new("East", "East"), new("Central", "Central")],
        [Dimension.Segment] = [new("SMB", "SMB"), new("Mid-Market", "Mid-Market"), new("Enterprise", "Enterprise")],
        [Dimension.Industry] = [new("Technology", "Technology"), new("Medical", "Medical"), new("Retail", "Retail"), new("Finance", "Finance"), new("Software", "Software")],
        [Dimension.Product] =
        [
            new("GTX Basic", "GTX Basic"), new("GTX Pro", "GTX Pro"), new("GTX Plus Basic", "GTX Plus Basic"), new("GTX Plus Pro", "GTX Plus Pro"),
            new("MG Special", "MG Special"), new("MG Advanced", "MG Advanced"),
        ],
        [Dimension.Source] = [new("Inbound", "Inbound"), new("Outbound", "Outbound"), new("Partner", "Partner"), new("Referral", "Referral"), new("Events", "Events")],
        [Dimension.Stage] = [new("Prospecting", "Prospecting"), new("Qualification", "Qualification"), new("Discovery", "Discovery"), new("Proposal", "Proposal"), new("Negotiation", "Negotiation")],
        // The default loss reasons, as deals record them (read only after a word of losing).
        [Dimension.LossReason] = [new("price", "price"), new("competitor", "competitor"), new("no decision", "no decision"), new("timing", "timing"), new("product fit", "product fit"), new("no budget", "no budget")],
        [Dimension.Account] =
        [
            new("acc-001", "Acme Corporation"), new("acc-002", "Betatech"), new("acc-003", "Bioholding"), new("acc-004", "Cancity"),
            new("acc-005", "Codehow"), new("acc-006", "Isdom"), new("acc-007", "Globex Industries"),
        ],
    });

    public static ParseContext Context(DateOnly asOf, int fiscalStartMonth = 1, string? user = null) => new(asOf, fiscalStartMonth, user, Instance);
}
