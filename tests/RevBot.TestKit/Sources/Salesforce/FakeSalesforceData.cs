using System.Globalization;

namespace RevBot.Testing.Salesforce;

/// <summary>
/// A deterministic org for the fake: the standard opportunity stages, then accounts, contacts, opportunities with
/// their earlier stages in history, tasks and events, all from one seed, so a test and the benchmark can count on it.
/// </summary>
public static class FakeSalesforceData
{
    /// <summary>(label, closed, won, default probability, forecast category), in sort order: Salesforce's default stages.</summary>
    public static readonly IReadOnlyList<(string Label, bool Closed, bool Won, int Probability, string Forecast)> Stages =
    [
        ("Prospecting", false, false, 10, "Pipeline"), ("Qualification", false, false, 10, "Pipeline"),
        ("Needs Analysis", false, false, 20, "Pipeline"), ("Value Proposition", false, false, 50, "Pipeline"),
        ("Id. Decision Makers", false, false, 60, "Pipeline"), ("Perception Analysis", false, false, 70, "Pipeline"),
        ("Proposal/Price Quote", false, false, 75, "Pipeline"), ("Negotiation/Review", false, false, 90, "Commit"),
        ("Closed Won", true, true, 100, "Closed"), ("Closed Lost", true, false, 0, "Omitted"),
    ];

    private static readonly string[] Types = ["New Customer", "Existing Customer - Upgrade", "Existing Customer - Replacement", "Existing Customer - Downgrade"];
    private static readonly string[] Sources = ["Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"];
    private static readonly string[] Industries = ["Technology", "Finance", "Healthcare", "Retail", "Manufacturing"];

    public static void AddStages(FakeSalesforceStore store)
    {
        for (var i = 0; i < Stages.Count; i++)
        {
            var (label, closed, won, probability, forecast) = Stages[i];
            store.Add("OpportunityStage", new Dictionary<string, object?>
            {
                ["MasterLabel"] = label, ["IsActive"] = true, ["IsClosed"] = closed, ["IsWon"] = won,
                ["DefaultProbability"] = (decimal)probability, ["ForecastCategoryName"] = forecast, ["SortOrder"] = i + 1,
            });
        }
    }

    /// <summary>
    /// <paramref name="opportunities"/> opportunities (a tenth as many accounts and contacts, a fifth as many tasks, a
    /// tenth as many events) around <paramref name="today"/>: closed ones closed in the year before it, open ones closing
    /// in the half year after.
    /// </summary>
    public static void Generate(FakeSalesforceStore store, int opportunities, DateOnly today, int seed = 20)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!store.Live("OpportunityStage").Any()) AddStages(store);
        var random = new Random(seed);
        var midnight = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var accounts = new List<string>();
        for (var i = 0; i < Math.Max(1, opportunities / 10); i++)
        {
            var account = store.Add("Account", new Dictionary<string, object?>
            {
                ["Name"] = $"Account {i:D5}", ["Website"] = $"https://www.account{i}.test", ["Industry"] = Industries[i % Industries.Length],
                ["BillingCountry"] = i % 3 == 0 ? "Spain" : "United States", ["NumberOfEmployees"] = 10 + random.Next(5000),
                ["Owner.Email"] = Owner(i), ["CreatedDate"] = midnight.AddDays(-700 + random.Next(300)),
            });
            accounts.Add(account.Id);
            store.Add("Contact", new Dictionary<string, object?>
            {
                ["AccountId"] = account.Id, ["FirstName"] = "Pat", ["LastName"] = $"Buyer {i}", ["Email"] = $"pat{i}@account{i}.test",
                ["Title"] = "VP Sales", ["Phone"] = "+1 555 0100",
            });
        }
        var ids = new List<string>(opportunities);
        for (var i = 0; i < opportunities; i++)
        {
            var stageIndex = random.Next(Stages.Count);
            var (label, closed, won, probability, forecast) = Stages[stageIndex];
            var created = midnight.AddDays(-400 + random.Next(300)).AddMinutes(random.Next(1440));
            var close = closed ? today.AddDays(-random.Next(1, 365)) : today.AddDays(random.Next(1, 180));
            var record = store.Add("Opportunity", new Dictionary<string, object?>
            {
                ["Name"] = $"Opportunity {i:D6}", ["AccountId"] = accounts[random.Next(accounts.Count)], ["Owner.Email"] = Owner(random.Next(10)),
                ["Amount"] = (decimal)(1000 + (random.Next(1990) * 100)), ["StageName"] = label, ["CloseDate"] = close, ["IsClosed"] = closed,
                ["IsWon"] = won, ["Probability"] = (decimal)probability, ["ForecastCategoryName"] = forecast,
                ["Type"] = Types[random.Next(Types.Length)], ["LeadSource"] = Sources[random.Next(Sources.Length)],
                ["NextStep"] = closed ? null : "Follow up", ["CreatedDate"] = created,
            }, history: false);
            // Earlier stages, then the current one (closed deals jump from a late open stage).
            var path = closed ? new[] { 0, 3, 6, stageIndex } : Enumerable.Range(0, stageIndex + 1).Where(s => s % 2 == 0 || s == stageIndex).ToArray();
            for (var step = 0; step < path.Length; step++) store.AddHistory(record.Id, Stages[path[step]].Label, created.AddDays(step * 7));
            // A history row for an amount change keeps the stage: the connector must not count it as entering the stage again.
            if (i % 4 == 0) store.AddHistory(record.Id, label, created.AddDays((path.Length * 7) + 1));
            ids.Add(record.Id);
        }
        for (var i = 0; i < opportunities / 5; i++)
            store.Add("Task", new Dictionary<string, object?>
            {
                ["Subject"] = $"Call {i}", ["TaskSubtype"] = i % 2 == 0 ? "Call" : "Email", ["ActivityDate"] = today.AddDays(-random.Next(90)),
                ["WhatId"] = ids[random.Next(ids.Count)], ["Owner.Email"] = Owner(i % 10),
            });
        for (var i = 0; i < opportunities / 10; i++)
            store.Add("Event", new Dictionary<string, object?>
            {
                ["Subject"] = $"Meeting {i}", ["StartDateTime"] = midnight.AddDays(-random.Next(90)).AddHours(15),
                ["WhatId"] = ids[random.Next(ids.Count)], ["Owner.Email"] = Owner(i % 10),
            });
        // Salesforce fills an activity's AccountId from the record it is about.
        foreach (var activity in store.All.Where(r => r.Type is "Task" or "Event" && r.Fields.GetValueOrDefault("WhatId") is string))
            activity.Fields["AccountId"] = store.Find((string)activity.Fields["WhatId"]!)!.Fields["AccountId"];
    }

    public static string Owner(int i) => string.Create(CultureInfo.InvariantCulture, $"rep{i}@acme.test");
}
