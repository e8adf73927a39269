using System.Globalization;

namespace RevBot.Testing.Datasets;

/// <summary>
/// Maven Analytics' "CRM Sales Opportunities" as published (../shared/data/maven-crm), and its conversion to the
/// canonical CSV files. Each quirk is handled as docs/datasets.md says; the tests' expected values are computed from
/// <see cref="Load"/>'s rows, never from the converted files or the database.
/// </summary>
public sealed record MavenCrm(IReadOnlyList<MavenCrm.Agent> Agents, IReadOnlyList<MavenCrm.Account> Accounts, IReadOnlyList<MavenCrm.Opportunity> Deals)
{
    public const string Name = "maven-crm";

    public sealed record Agent(string Name, string Manager, string Office)
    {
        public string Email => MavenCrm.Email(Name);
    }

    public sealed record Account(string Name, string Sector, string Location, int Employees)
    {
        public string Id => Slug(Name);
    }

    /// <summary>One opportunity; <see cref="Product"/> is spelled as products.csv spells it.</summary>
    public sealed record Opportunity(string Id, string Agent, string Product, string? Account, string Stage, DateOnly? Engaged, DateOnly? Closed, decimal? CloseValue)
    {
        public bool Won => Stage == "Won";
        public bool Lost => Stage == "Lost";
        public bool Open => !Won && !Lost;
    }

    public IReadOnlyDictionary<string, decimal> ListPrices { get; init; } = new Dictionary<string, decimal>();

    public static MavenCrm Load(string folder)
    {
        var agents = RawCsv.Read(Path.Combine(folder, "sales_teams.csv")).Select(r => new Agent(r["sales_agent"], r["manager"], r["regional_office"])).ToList();
        var accounts = RawCsv.Read(Path.Combine(folder, "accounts.csv"))
            .Select(r => new Account(r["account"], Sector(r["sector"]), r["office_location"], int.Parse(r["employees"], CultureInfo.InvariantCulture))).ToList();
        var deals = RawCsv.Read(Path.Combine(folder, "sales_pipeline.csv")).Select(r => new Opportunity(
            r["opportunity_id"], r["sales_agent"], Product(r["product"]), r["account"] is { Length: > 0 } a ? a : null, r["deal_stage"],
            RawCsv.OptionalDate(r["engage_date"]), RawCsv.OptionalDate(r["close_date"]), r["close_value"] is { Length: > 0 } v ? RawCsv.Money(v) : null)).ToList();
        var prices = RawCsv.Read(Path.Combine(folder, "products.csv")).ToDictionary(r => r["product"], r => RawCsv.Money(r["sales_price"]), StringComparer.Ordinal);
        return new MavenCrm(agents, accounts, deals) { ListPrices = prices };
    }

    /// <summary>The pipeline says "GTXPro" where products.csv says "GTX Pro": the catalog's spelling wins.</summary>
    public static string Product(string raw) => raw == "GTXPro" ? "GTX Pro" : raw;

    /// <summary>"technolgy" is corrected, so "technology" finds it; the other sectors are kept as published.</summary>
    public static string Sector(string raw) => raw == "technolgy" ? "technology" : raw;

    /// <summary>Made-up, stable emails: "Mei-Mei Johns" is mei-mei.johns@maven.test.</summary>
    public static string Email(string name) => string.Join('.', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)) + "@maven.test";

    public static string Slug(string name) => string.Join('-', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>An open deal has no value: it is carried at its product's list price (closed deals keep their close value).</summary>
    public decimal Amount(Opportunity d) => d.Open ? ListPrices[d.Product] : d.CloseValue ?? 0;

    /// <summary>Writes users.csv, accounts.csv and deals.csv (docs/data-format.md) into <paramref name="folder"/>.</summary>
    public void WriteCanonical(string folder)
    {
        RawCsv.Write(Path.Combine(folder, "users.csv"), ["email", "name", "role", "team", "region"],
            Agents.Select(a => new[] { a.Email, a.Name, "rep", a.Manager, a.Office }));
        RawCsv.Write(Path.Combine(folder, "accounts.csv"), ["account_id", "name", "industry", "country", "employees"],
            Accounts.Select(a => new[] { a.Id, a.Name, a.Sector, a.Location, a.Employees.ToString(CultureInfo.InvariantCulture) }));
        RawCsv.Write(Path.Combine(folder, "deals.csv"),
            ["deal_id", "name", "account_id", "owner_email", "amount", "stage", "status", "type", "product", "created_at", "close_date", "closed_at"],
            Deals.Select(d => new[]
            {
                d.Id, $"{d.Account ?? "(no account)"} {d.Product}", d.Account is { } a ? Slug(a) : null, MavenCrm.Email(d.Agent), RawCsv.Text(Amount(d)),
                d.Won ? "Closed Won" : d.Lost ? "Closed Lost" : d.Stage, d.Won ? "won" : d.Lost ? "lost" : "open", "new", d.Product,
                d.Engaged is { } e ? RawCsv.Text(e) : null, d.Closed is { } c ? RawCsv.Text(c) : null, d.Open ? null : RawCsv.Text(d.Closed!.Value),
            }));
    }
}
