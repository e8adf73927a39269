namespace RevBot.Testing.Sources.Hubspot;

/// <summary>
/// A small portal for tests: two owners, three companies, a contact, six deals around Q1 2026 (won, lost, open, one
/// closed the quarter before, one with no amount) with stage histories, and one call, email, meeting and note.
/// </summary>
public sealed record FakeHubspotSample(
    FakeHubspotOwner Ana, FakeHubspotOwner Ben, FakeHubspotRecord Acme, FakeHubspotRecord Globex, FakeHubspotRecord Umbrella,
    IReadOnlyList<FakeHubspotRecord> Deals, IReadOnlyList<FakeHubspotRecord> Engagements)
{
    public static readonly DateOnly AsOf = new(2026, 2, 15);

    public static FakeHubspotSample Seed(FakeHubspot fake)
    {
        ArgumentNullException.ThrowIfNull(fake);
        var ana = fake.AddOwner("ana.garcia@acme.test", "Ana", "Garcia", "West");
        var ben = fake.AddOwner("ben.stone@acme.test", "Ben", "Stone", "East");
        var acme = fake.AddCompany("Acme Corp", "acme.example", ana, "COMPUTER_SOFTWARE");
        var globex = fake.AddCompany("Globex", "globex.example", ben);
        var umbrella = fake.AddCompany("Umbrella", null, null);
        fake.AddContact("Wile", "Coyote", "wile@acme.example", acme);
        var t = (int month, int day) => new DateTimeOffset(month >= 10 ? 2025 : 2026, month, day, 10, 0, 0, TimeSpan.Zero);
        FakeHubspotRecord[] deals =
        [
            fake.AddDeal("Acme renewal", 12000m, "closedwon", ana, acme, new DateOnly(2026, 1, 20), t(11, 1),
                [("appointmentscheduled", t(11, 1)), ("contractsent", t(12, 10))]),
            fake.AddDeal("Globex expansion", 8000m, "closedlost", ben, globex, new DateOnly(2026, 2, 3), t(11, 5),
                [("qualifiedtobuy", t(11, 5))], new Dictionary<string, string?> { ["closed_lost_reason"] = "Price", ["dealtype"] = "existingbusiness" }),
            fake.AddDeal("Globex new team", 5000m, "closedwon", ben, globex, new DateOnly(2026, 2, 10), t(12, 1), [("presentationscheduled", t(12, 1))]),
            fake.AddDeal("Acme upsell", 20000m, "contractsent", ana, acme, new DateOnly(2026, 3, 30), t(1, 10),
                [("appointmentscheduled", t(1, 10))], new Dictionary<string, string?> { ["hs_next_step"] = "Send the order form" }),
            fake.AddDeal("Old win", 3000m, "closedwon", ana, umbrella, new DateOnly(2025, 11, 15), t(10, 1), [("qualifiedtobuy", t(10, 1))]),
            fake.AddDeal("Umbrella pilot", null, "closedlost", ben, umbrella, new DateOnly(2026, 1, 5), t(10, 20), [("appointmentscheduled", t(10, 20))]),
        ];
        FakeHubspotRecord[] engagements =
        [
            fake.AddEngagement("calls", "Renewal call", t(1, 12), ana, deals[0], acme),
            fake.AddEngagement("emails", "Pricing follow-up", t(1, 28), ben, deals[1], globex),
            fake.AddEngagement("meetings", "Quarterly review", t(2, 2), ben, null, globex),
            fake.AddEngagement("notes", "<p>Champion is <b>Wile</b></p>", t(2, 4), ana, deals[3], acme),
        ];
        return new FakeHubspotSample(ana, ben, acme, globex, umbrella, deals, engagements);
    }
}
