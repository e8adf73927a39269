using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Testing.Deals;

/// <summary>
/// A small sales team for the deal tests. Reporting line: Dana (director, manager role) ← Max (manager) ← Rob (rep);
/// Mia (manager) ← Rae (rep). Rita is RevOps, Cam customer success, Eve an executive. "Now" is 2026-11-27 15:00 UTC,
/// a Friday, in New York (so "today" is 2026-11-27 there too).
/// </summary>
public static class DealWorld
{
    public const string TimeZone = "America/New_York";
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 27);

    public const string Rita = "rita@example.com";
    public const string Dana = "dana@example.com";
    public const string Max = "max@example.com";
    public const string Rob = "rob@example.com";
    public const string Mia = "mia@example.com";
    public const string Rae = "rae@example.com";
    public const string Cam = "cam@example.com";
    public const string Eve = "eve@example.com";

    /// <summary>Rob's open deal at Acme (EMEA, Enterprise): Proposal since 2026-11-17, version 1.</summary>
    public const string AcmeRenewal = "deal-1";
    /// <summary>Rae's open deal at Acme.</summary>
    public const string AcmeExpansion = "deal-2";
    /// <summary>Rob's won deal at Globex (NA, SMB).</summary>
    public const string GlobexWon = "deal-3";
    /// <summary>Rae's open deal at Café Martínez: no amount and a close date in the past.</summary>
    public const string Cafe = "deal-4";
    /// <summary>Rob's lost deal at Acme.</summary>
    public const string AcmeLost = "deal-5";
    /// <summary>An open deal at Initech (NA, Enterprise) with no owner.</summary>
    public const string Initech = "deal-6";

    public static async Task SeedAsync(RevBotDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rita = new User { Email = Rita, Name = "Rita Revops", Role = UserRole.Revops };
        var dana = new User { Email = Dana, Name = "Dana Director", Role = UserRole.Manager };
        var max = new User { Email = Max, Name = "Max Manager", Role = UserRole.Manager, Manager = dana };
        var rob = new User { Email = Rob, Name = "Rob Rep", Role = UserRole.Rep, Manager = max, SlackUserId = "U0ROB" };
        var mia = new User { Email = Mia, Name = "Mia Manager", Role = UserRole.Manager };
        var rae = new User { Email = Rae, Name = "Rae Rep", Role = UserRole.Rep, Manager = mia };
        var cam = new User { Email = Cam, Name = "Cam Success", Role = UserRole.Cs };
        var eve = new User { Email = Eve, Name = "Eve Exec", Role = UserRole.Exec };
        db.Users.AddRange(rita, dana, max, rob, mia, rae, cam, eve);
        var acme = new Account { Id = "acc-1", Name = "Acme Corporation", Domain = "acme.com", Region = "EMEA", Segment = "Enterprise" };
        var globex = new Account { Id = "acc-2", Name = "Globex Industries", Domain = "globex.com", Region = "NA", Segment = "SMB" };
        var cafe = new Account { Id = "acc-3", Name = "Café Martínez", Domain = "cafe-martinez.com", Region = "LATAM", Segment = "Mid-Market" };
        var acmeAgain = new Account { Id = "acc-4", Name = "ACME Corporation", Domain = "acme.com", Industry = "Robotics" };
        var initech = new Account { Id = "acc-5", Name = "Initech", Domain = "initech.com", Region = "NA", Segment = "Enterprise" };
        db.Accounts.AddRange(acme, globex, cafe, acmeAgain, initech);
        await db.SaveChangesAsync();

        db.Deals.AddRange(
            Open(AcmeRenewal, "Acme Corporation - renewal 2026", acme, rob, 50_000m, "Proposal", new DateOnly(2026, 12, 15), ForecastCategory.BestCase),
            Open(AcmeExpansion, "Acme Corporation - Vision Kit expansion", acme, rae, 20_000m, "Discovery", new DateOnly(2027, 1, 31), ForecastCategory.Pipeline),
            new Deal
            {
                Id = GlobexWon, Name = "Globex Industries - new", AccountId = globex.Id, OwnerId = rob.Id, Amount = 30_000m, Stage = "Closed Won",
                Status = DealStatus.Won, ClosedAt = new DateTime(2026, 10, 1, 15, 0, 0, DateTimeKind.Utc), CloseDate = new DateOnly(2026, 10, 1),
                CreatedAt = new DateTime(2026, 6, 1, 15, 0, 0, DateTimeKind.Utc),
            },
            Open(Cafe, "Café Martínez - Route Planner", cafe, rae, 0m, "Negotiation", new DateOnly(2026, 11, 1), null),
            new Deal
            {
                Id = AcmeLost, Name = "Acme Corporation - renewal 2025", AccountId = acme.Id, OwnerId = rob.Id, Amount = 45_000m, Stage = "Closed Lost",
                Status = DealStatus.Lost, LossReason = "competitor", ClosedAt = new DateTime(2025, 12, 1, 15, 0, 0, DateTimeKind.Utc), CloseDate = new DateOnly(2025, 12, 1),
                CreatedAt = new DateTime(2025, 6, 1, 15, 0, 0, DateTimeKind.Utc),
            },
            Open(Initech, "Initech - platform", initech, null, 10_000m, "Qualification", new DateOnly(2026, 12, 31), null));
        db.DealStageHistory.AddRange(
            new DealStageChange { DealId = AcmeRenewal, Stage = "Discovery", EnteredAt = new DateTime(2026, 10, 1, 15, 0, 0, DateTimeKind.Utc) },
            new DealStageChange { DealId = AcmeRenewal, Stage = "Proposal", EnteredAt = new DateTime(2026, 11, 17, 15, 0, 0, DateTimeKind.Utc) });
        db.Activities.Add(new Activity
        {
            Id = "act-1", Type = ActivityType.Call, OccurredAt = new DateTime(2026, 11, 25, 15, 0, 0, DateTimeKind.Utc), DealId = AcmeRenewal,
            AccountId = acme.Id, UserId = rob.Id, Subject = "Pricing call",
        });
        db.Activities.Add(new Activity { Id = "act-2", Type = ActivityType.Email, OccurredAt = new DateTime(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc), AccountId = acmeAgain.Id });
        db.Contacts.AddRange(
            new Contact { Id = "con-1", AccountId = acme.Id, FirstName = "Jane", LastName = "Doe", Email = "jane@acme.com", Title = "CFO" },
            new Contact { Id = "con-2", AccountId = acme.Id, FirstName = "Jane", LastName = "Doe", Email = "JANE@acme.com", Phone = "+1 555 0100" },
            new Contact { Id = "con-3", AccountId = cafe.Id, FirstName = "José", LastName = "Pérez", Email = "jose@cafe-martinez.com" },
            new Contact { Id = "con-4", AccountId = cafe.Id, FirstName = "Jose", LastName = "Perez", Email = "jperez@cafe-martinez.com" },
            new Contact { Id = "con-5", AccountId = acmeAgain.Id, FirstName = "Ann", LastName = "Lee", Email = "ann@acme.com" });
        db.Usage.AddRange(
            new ProductUsage { AccountId = acme.Id, Date = new DateOnly(2026, 11, 1), ActiveUsers = 10 },
            new ProductUsage { AccountId = acmeAgain.Id, Date = new DateOnly(2026, 11, 1), ActiveUsers = 3 },
            new ProductUsage { AccountId = acmeAgain.Id, Date = new DateOnly(2026, 11, 2), ActiveUsers = 4 });
        await db.SaveChangesAsync();
    }

    private static Deal Open(string id, string name, Account account, User? owner, decimal amount, string stage, DateOnly close, ForecastCategory? forecast) => new()
    {
        Id = id, Name = name, AccountId = account.Id, OwnerId = owner?.Id, Amount = amount, Stage = stage, Status = DealStatus.Open,
        CloseDate = close, ForecastCategory = forecast, CreatedAt = new DateTime(2026, 9, 1, 15, 0, 0, DateTimeKind.Utc), Product = "RoboFleet Platform",
    };
}
