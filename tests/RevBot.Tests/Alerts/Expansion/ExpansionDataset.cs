using RevBot.Core.Domain;
using RevBot.Core.Storage;
using static RevBot.Tests.Alerts.AlertDataset;

namespace RevBot.Tests.Alerts.Expansion;

/// <summary>
/// Customers as of 2026-06-15 noon (UTC), each showing one expansion factor on top of a baseline, or sitting just
/// outside one; every expected number is worked out here. The baseline (<c>exp-seats</c>): 62 active users on 50 seats
/// (seats, 30 points), three tickets in 90 days (not healthy), an expansion deal won 30 days ago (no gap), flat usage.
/// </summary>
internal static class ExpansionDataset
{
    public static async Task SeedAsync(RevBotDb db)
    {
        var alice = new User { Email = Alice, Name = "Alice Adams" };
        var bob = new User { Email = Bob, Name = "Bob Brown" };
        var carla = new User { Email = Carla, Name = "Carla Cruz", Role = UserRole.Cs };
        db.Users.AddRange(alice, bob, carla);
        await db.SaveChangesAsync();
        var n = 0;
        string Id(string prefix) => $"{prefix}-{++n}";

        Account Customer(string id, string name, User owner, int? seats, string plan = "Pro", decimal mrr = 1_000m)
        {
            var account = new Account { Id = id, Name = name, Owner = owner };
            db.Accounts.Add(account);
            db.Subscriptions.Add(new Subscription { Id = Id("sub"), AccountId = id, Product = plan, Mrr = mrr, Seats = seats, StartDate = new DateOnly(2025, 1, 1) });
            return account;
        }
        // One usage day in each 30-day window: 1 May (the 30 days before) and 1 June (the last 30 days).
        void Usage(Account a, int usersBefore, int eventsBefore, int usersNow, int eventsNow)
        {
            db.Usage.Add(new ProductUsage { AccountId = a.Id, Date = new DateOnly(2026, 5, 1), ActiveUsers = usersBefore, Events = eventsBefore });
            db.Usage.Add(new ProductUsage { AccountId = a.Id, Date = new DateOnly(2026, 6, 1), ActiveUsers = usersNow, Events = eventsNow });
        }
        void Ticket(Account a, double openedDays, double? closedDays = null, int? satisfaction = null) => db.Tickets.Add(new SupportTicket
        {
            Id = Id("tkt"), AccountId = a.Id, Priority = TicketPriority.Low, OpenedAt = Ago(openedDays), ClosedAt = closedDays is { } c ? Ago(c) : null, Satisfaction = satisfaction,
        });
        void Busy(Account a)
        {
            Ticket(a, 10);
            Ticket(a, 20);
            Ticket(a, 30);
        }
        void Deal(Account a, DealStatus status, double? closedDays) => db.Deals.Add(new Deal
        {
            Id = Id("deal"), Name = a.Name + " expansion", AccountId = a.Id, OwnerId = alice.Id, Amount = 5_000m, Type = DealType.Expansion, Status = status,
            Stage = status == DealStatus.Open ? "Discovery" : "Closed Won", CreatedAt = Ago(60), ClosedAt = closedDays is { } c ? Ago(c) : null,
        });
        // Seats: a peak of 62 daily active users in the last 30 days on 50 seats paid for.
        void OverSeats(Account a) => Usage(a, 60, 500, 62, 500);

        var seats = Customer("exp-seats", "Seats Over", alice, seats: 50);
        OverSeats(seats);
        Busy(seats);
        Deal(seats, DealStatus.Won, 30);

        // Usage: users 40 → 50 (+25%), events 1,000 → 1,300 (+30%); 1,300 is 87% of a 1,500-event plan limit. A step up
        // from Basic to Pro 45 days ago is its last expansion.
        var usage = Customer("exp-usage", "Usage Grows", alice, seats: null);
        db.Subscriptions.Add(new Subscription { Id = Id("sub"), AccountId = usage.Id, Product = "Basic", Mrr = 500m, StartDate = new DateOnly(2024, 6, 1), EndDate = new DateOnly(2026, 5, 1) });
        db.Subscriptions.Local.Single(s => s.AccountId == usage.Id && s.Product == "Pro").StartDate = new DateOnly(2026, 5, 1);
        Usage(usage, 40, 1_000, 50, 1_300);
        Busy(usage);

        // Healthy: the baseline with one ticket in 90 days, rated 5.
        var healthy = Customer("exp-healthy", "Healthy Seats", alice, seats: 50);
        OverSeats(healthy);
        Ticket(healthy, 40, 39, satisfaction: 5);
        Deal(healthy, DealStatus.Won, 30);

        // Unhappy: one ticket, rated 2 (below 4): not healthy.
        var unhappy = Customer("exp-unhappy", "Unhappy Seats", alice, seats: 50);
        OverSeats(unhappy);
        Ticket(unhappy, 40, 39, satisfaction: 2);
        Deal(unhappy, DealStatus.Won, 30);

        // Gap: the baseline never expanded, a customer since 1 Jan 2025 (530 days); and one whose last expansion was won 200 days ago.
        var never = Customer("exp-never", "Never Expanded", alice, seats: 50);
        OverSeats(never);
        Busy(never);
        var old = Customer("exp-old", "Old Expansion", alice, seats: 50);
        OverSeats(old);
        Busy(old);
        Deal(old, DealStatus.Won, 200);

        // Everything: 30 + 30 + 20 + 20 = 100; Bob owns it and Carla (CS) worked it 3 days ago.
        var everything = Customer("exp-everything", "Everything Grows", bob, seats: 50);
        Usage(everything, 40, 1_000, 62, 1_300);
        db.Activities.Add(new Activity { Id = Id("act"), Type = ActivityType.Meeting, OccurredAt = Ago(3), AccountId = everything.Id, UserId = carla.Id });

        // Not scored: no demand (healthy, never expanded, flat usage, at its seats); usage growing while onboarding (a customer
        // for 40 days, so not for both windows); an open expansion deal; a former customer.
        var onboarding = Customer("exp-onboarding", "Onboarding", alice, seats: null);
        db.Subscriptions.Local.Single(s => s.AccountId == onboarding.Id).StartDate = AsOf.AddDays(-40);
        Usage(onboarding, 10, 100, 50, 1_300);
        var content = Customer("exp-content", "Content", alice, seats: 50);
        Usage(content, 50, 500, 50, 500);
        var working = Customer("exp-working", "Already Working", alice, seats: 50);
        Usage(working, 40, 1_000, 62, 1_300);
        Deal(working, DealStatus.Open, null);
        var gone = Customer("exp-gone", "Gone", alice, seats: 50);
        db.Subscriptions.Local.Single(s => s.AccountId == gone.Id).EndDate = AsOf.AddDays(-10);
        Usage(gone, 40, 1_000, 62, 1_300);
        await db.SaveChangesAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ExpansionCollection : ICollectionFixture<ExpansionDatabase>
{
    public const string Name = "expansion";
}

/// <summary>The <see cref="ExpansionDataset"/>, seeded once per provider and shared read-only by the scoring tests.</summary>
public sealed class ExpansionDatabase() : AlertsDatabase(ExpansionDataset.SeedAsync);
