using RevBot.Core.Deals;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Tests.Alerts;

/// <summary>
/// A small company (UTC) as of 2026-06-15 noon in which each open deal breaks exactly one stalled rule, or sits just
/// inside it, and each customer shows exactly one churn factor, or none; every expected number is worked out below.
/// Deal activities carry no account id, so an account's activity is also found through its deals.
/// </summary>
internal static class AlertDataset
{
    public const string Alice = "alice@acme.test";
    public const string Bob = "bob@acme.test";
    public const string Carla = "carla@acme.test";

    public static DateOnly AsOf { get; } = new(2026, 6, 15);

    public static DateTime Now { get; } = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    public static DateTime Ago(double days) => Now.AddDays(-days);

    public static async Task SeedAsync(RevBotDb db)
    {
        var alice = new User { Email = Alice, Name = "Alice Adams" };
        var bob = new User { Email = Bob, Name = "Bob Brown" };
        var carla = new User { Email = Carla, Name = "Carla Cruz", Role = UserRole.Cs };
        db.Users.AddRange(alice, bob, carla);
        await db.SaveChangesAsync();

        var b = new AlertDatasetBuilder(db, alice);
        // Closed deals whose exits set the norms. Proposal: 10, 20, 30 and 40 days inside the last year (and 100 days,
        // left 500 days ago, outside it): the 75th percentile is 30 + 0.25 × (40 − 30) = 32.5. Negotiation: 2 and 3 days,
        // 2.75, below the 14-day floor. Discovery: no exits, so the floor.
        b.History("h1", ("Proposal", 100), ("Closed Won", 90));
        b.History("h2", ("Proposal", 120), ("Negotiation", 100), ("Closed Won", 98));
        b.History("h3", ("Proposal", 200), ("Closed Lost", 170));
        b.History("h4", ("Proposal", 300), ("Negotiation", 260), ("Closed Won", 257));
        b.History("h5", ("Proposal", 600), ("Closed Lost", 500));

        var acme = b.Customer("acc-acme", "Acme", alice, recentActivity: false);
        b.Open("stuck", acme, 90_000m, "Proposal", inStageDays: 40);
        b.Open("fresh", acme, 89_000m, "Proposal", inStageDays: 30);
        b.Open("stuck-floor", acme, 88_000m, "Negotiation", inStageDays: 15);
        b.Open("neg-ok", acme, 87_000m, "Negotiation", inStageDays: 14);
        b.Open("quiet", acme, 86_000m, "Discovery", createdDays: 30, lastActivityDays: 20);
        b.Open("quiet-ok", acme, 85_000m, "Discovery", createdDays: 30, lastActivityDays: 13);
        b.Open("never", acme, 84_000m, "Discovery", inStageDays: 10, createdDays: 16, lastActivityDays: null);
        b.Open("late", acme, 83_000m, "Discovery", closeDate: AsOf.AddDays(-3));
        b.Open("due-today", acme, 82_000m, "Discovery", closeDate: AsOf);
        b.Open("pushed", acme, 81_000m, "Discovery", closeDate: new DateOnly(2026, 7, 15));
        b.Changes("pushed", 50, AlertDatasetBuilder.CloseDate("2026-04-30", "2026-05-31"));
        b.Changes("pushed", 40, AlertDatasetBuilder.CloseDate("2026-05-31", "2026-06-30"));
        b.Changes("pushed", 30, AlertDatasetBuilder.CloseDate("2026-06-30", "2026-07-31"), new DealFieldChange(DealFields.NextStep, "a", "b"));
        b.Changes("pushed", 20, AlertDatasetBuilder.CloseDate("2026-07-31", "2026-07-15"));
        b.Open("pushed-twice", acme, 80_000m, "Discovery", closeDate: new DateOnly(2026, 7, 15));
        b.Changes("pushed-twice", 40, AlertDatasetBuilder.CloseDate("2026-05-31", "2026-06-30"));
        b.Changes("pushed-twice", 30, AlertDatasetBuilder.CloseDate("2026-06-30", "2026-07-31"));
        b.Changes("pushed-twice", 20, AlertDatasetBuilder.CloseDate("2026-07-31", "2026-07-15"));
        b.Open("cut", acme, 60_000m, "Discovery");
        b.Changes("cut", 10, AlertDatasetBuilder.Amount(100000m, 60000m));
        b.Open("cut-small", acme, 79_000m, "Discovery");
        b.Changes("cut-small", 10, AlertDatasetBuilder.Amount(98750m, 79000m));
        b.Open("cut-old", acme, 50_000m, "Discovery");
        b.Changes("cut-old", 40, AlertDatasetBuilder.Amount(100000m, 50000m));
        db.AuditLog.Add(new AuditEntry { At = Ago(5), Channel = ChangeChannel.Import, Entity = "import", EntityId = "crm", Action = "import", Changes = """{"deals.csv":{"inserted":3}}""" });
        var birch = new Account { Id = "acc-birch", Name = "Birch", Owner = bob };
        db.Accounts.Add(birch);
        b.Open("ownerless", birch, 10_000m, "Discovery", closeDate: AsOf.AddDays(-1), noOwner: true);
        b.Closed("won-late", acme, 70_000m);

        // Churn. Usage: users 100 → 54 (−46%), events 1,000 → 900 (−10%): 30 × 46 / 60 = 23 points.
        var usage = b.Customer("acc-usage", "Usage Falls", alice);
        b.Usage(usage, 100, 1_000, 54, 900);
        var tickets = b.Customer("acc-tickets", "Tickets Open", alice);
        b.Ticket(tickets, TicketPriority.Urgent, openedDays: 5);
        b.Ticket(tickets, TicketPriority.Urgent, openedDays: 3);
        b.Ticket(tickets, TicketPriority.High, openedDays: 9, closedDays: 8);
        b.Ticket(tickets, TicketPriority.Low, openedDays: 2);
        var unhappy = b.Customer("acc-unhappy", "Unhappy", alice);
        b.Ticket(unhappy, TicketPriority.Low, openedDays: 12, closedDays: 10, satisfaction: 2);
        b.Ticket(unhappy, TicketPriority.Medium, openedDays: 22, closedDays: 20, satisfaction: 1);
        b.Ticket(unhappy, TicketPriority.Low, openedDays: 102, closedDays: 100, satisfaction: 5);
        b.Customer("acc-renewing", "Renewing", alice, endsOn: AsOf.AddDays(41));
        var stalled = b.Customer("acc-stalled-renewal", "Stalled Renewal", alice, recentActivity: false);
        b.Open("renewal-stalled", stalled, 12_000m, "Negotiation", inStageDays: 30, lastActivityDays: 20, closeDate: AsOf.AddDays(20), type: DealType.Renewal);
        var moving = b.Customer("acc-moving", "Moving Renewal", alice, endsOn: AsOf.AddDays(30));
        b.Open("renewal-moving", moving, 11_000m, "Negotiation", inStageDays: 3, closeDate: AsOf.AddDays(30), type: DealType.Renewal);
        b.Customer("acc-shrinking", "Shrinking", alice, mrr: 1_000m, shrinksTo: 600m);
        var quiet = b.Customer("acc-quiet", "Quiet", alice, recentActivity: false);
        b.AccountActivity(quiet, alice, 45);
        // Everything: 23 (usage) + 20 (two urgent tickets) + 25 (renews in 41 days) = 68; Carla (CS) worked it 3 days ago.
        var everything = b.Customer("acc-everything", "Everything Co", bob, endsOn: AsOf.AddDays(41), recentActivity: false);
        b.Usage(everything, 100, 1_000, 54, 900);
        b.Ticket(everything, TicketPriority.Urgent, openedDays: 5);
        b.Ticket(everything, TicketPriority.Urgent, openedDays: 4);
        b.AccountActivity(everything, carla, 3);
        var lapsed = b.Customer("acc-lapsed", "Lapsed", alice, endsOn: AsOf.AddDays(-14));
        b.Ticket(lapsed, TicketPriority.Urgent, openedDays: 5);
        await db.SaveChangesAsync();
    }
}
