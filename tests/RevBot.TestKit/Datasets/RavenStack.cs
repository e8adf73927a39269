using System.Globalization;

namespace RevBot.Testing.Datasets;

/// <summary>
/// RavenStack's "SaaS Subscription &amp; Churn Analytics" as published (../shared/data/ravenstack-saas), and its
/// conversion to the canonical CSV files (docs/datasets.md). A billing company: subscriptions, no deals.
/// </summary>
public sealed record RavenStack(
    IReadOnlyList<RavenStack.Account> Accounts, IReadOnlyList<RavenStack.Subscription> Subscriptions,
    IReadOnlyList<RavenStack.Ticket> Tickets, IReadOnlyList<RavenStack.Usage> FeatureUsage)
{
    public const string Name = "ravenstack-saas";

    public sealed record Account(string Id, string Name, string Industry, string Country, DateOnly SignedUp)
    {
        public string Region => RavenStack.Region(Country);
    }

    public sealed record Subscription(string Id, string AccountId, DateOnly Start, DateOnly? End, string Plan, decimal Mrr, bool Trial, int Seats)
    {
        /// <summary>Imported: a paid subscription that lasts at least a day (see <see cref="WriteCanonical"/>).</summary>
        public bool Imported => !Trial && End != Start;

        public bool ActiveOn(DateOnly day) => Start <= day && (End is null || End > day);
    }

    public sealed record Ticket(string Id, string AccountId, DateOnly Submitted, DateTime Closed, string Priority, int? Satisfaction);

    public sealed record Usage(string SubscriptionId, DateOnly Day, int Count);

    public static RavenStack Load(string folder)
    {
        string F(string name) => Path.Combine(folder, $"ravenstack_{name}.csv");
        static bool Flag(string s) => string.Equals(s, "true", StringComparison.OrdinalIgnoreCase);
        return new RavenStack(
            RawCsv.Read(F("accounts")).Select(r => new Account(r["account_id"], r["account_name"], r["industry"], r["country"], RawCsv.Date(r["signup_date"]))).ToList(),
            RawCsv.Read(F("subscriptions")).Select(r => new Subscription(r["subscription_id"], r["account_id"], RawCsv.Date(r["start_date"]),
                RawCsv.OptionalDate(r["end_date"]), r["plan_tier"], RawCsv.Money(r["mrr_amount"]), Flag(r["is_trial"]), int.Parse(r["seats"], CultureInfo.InvariantCulture))).ToList(),
            RawCsv.Read(F("support_tickets")).Select(r => new Ticket(r["ticket_id"], r["account_id"], RawCsv.Date(r["submitted_at"]), ClosedAt(r["closed_at"]),
                r["priority"], r["satisfaction_score"] is { Length: > 0 } s ? int.Parse(s, CultureInfo.InvariantCulture) : null)).ToList(),
            RawCsv.Read(F("feature_usage")).Select(r => new Usage(r["subscription_id"], RawCsv.Date(r["usage_date"]), int.Parse(r["usage_count"], CultureInfo.InvariantCulture))).ToList());
    }

    /// <summary>Countries grouped into the three sales regions a SaaS company would report by.</summary>
    public static string Region(string country) => country switch
    {
        "US" or "CA" => "NA",
        "UK" or "DE" or "FR" => "EMEA",
        "IN" or "AU" => "APAC",
        _ => throw new InvalidDataException($"no region for country {country}"),
    };

    /// <summary>"2023-07-28 3:00" (an unpadded hour, no offset): read as UTC.</summary>
    public static DateTime ClosedAt(string s) => DateTime.SpecifyKind(DateTime.ParseExact(s, "yyyy-MM-dd H:mm", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    /// <summary>Writes accounts.csv, subscriptions.csv, tickets.csv and usage.csv into <paramref name="folder"/>.</summary>
    public void WriteCanonical(string folder)
    {
        RawCsv.Write(Path.Combine(folder, "accounts.csv"), ["account_id", "name", "industry", "region", "country", "created_at"],
            Accounts.Select(a => new[] { a.Id, a.Name, a.Industry, a.Region, a.Country, RawCsv.Text(a.SignedUp) }));
        RawCsv.Write(Path.Combine(folder, "subscriptions.csv"), ["subscription_id", "account_id", "product", "mrr", "start_date", "end_date", "seats"],
            Subscriptions.Where(s => s.Imported).Select(s => new[]
                { s.Id, s.AccountId, s.Plan, RawCsv.Text(s.Mrr), RawCsv.Text(s.Start), s.End is { } e ? RawCsv.Text(e) : null, s.Seats.ToString(CultureInfo.InvariantCulture) }));
        RawCsv.Write(Path.Combine(folder, "tickets.csv"), ["ticket_id", "account_id", "opened_at", "closed_at", "priority", "satisfaction"],
            Tickets.Select(t => new[]
            {
                t.Id, t.AccountId, RawCsv.Text(t.Submitted), t.Closed.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), t.Priority,
                t.Satisfaction?.ToString(CultureInfo.InvariantCulture),
            }));
        // Feature usage is per subscription, feature and day; usage.csv is per account and day: the uses are summed.
        var accountOf = Subscriptions.ToDictionary(s => s.Id, s => s.AccountId, StringComparer.Ordinal);
        RawCsv.Write(Path.Combine(folder, "usage.csv"), ["account_id", "date", "events"],
            FeatureUsage.GroupBy(u => (Account: accountOf[u.SubscriptionId], u.Day)).OrderBy(g => g.Key.Account, StringComparer.Ordinal).ThenBy(g => g.Key.Day)
                .Select(g => new[] { g.Key.Account, RawCsv.Text(g.Key.Day), g.Sum(u => u.Count).ToString(CultureInfo.InvariantCulture) }));
    }
}
