using System.Globalization;

namespace RevBot.Testing.Sources.Hubspot;

public sealed partial class FakeHubspot
{
    /// <summary>
    /// A large portal for the benchmark, the same for the same seed: 40 owners, a company per 20 deals, and
    /// <paramref name="deals"/> deals spread over two years, each with two earlier stages in its history.
    /// </summary>
    public IReadOnlyList<FakeHubspotRecord> GenerateDeals(int deals, int seed = 20)
    {
        var random = new Random(seed);
        var owners = Enumerable.Range(1, 40).Select(i => AddOwner($"rep{i:00}@bench.test", "Rep", i.ToString("00", CultureInfo.InvariantCulture), i % 2 == 0 ? "East" : "West")).ToList();
        var companies = Enumerable.Range(1, Math.Max(1, deals / 20)).Select(i => AddCompany($"Company {i}", $"company{i}.example", owners[i % owners.Count])).ToList();
        var stages = Store.Pipelines[0].Stages;
        var start = new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero);
        var made = new List<FakeHubspotRecord>(deals);
        for (var i = 0; i < deals; i++)
        {
            var created = start.AddMinutes(random.Next(0, 2 * 365 * 24 * 60));
            var stage = stages[random.Next(stages.Count)];
            var history = new[] { (stages[0].Id, created), (stages[random.Next(1, 5)].Id, created.AddDays(random.Next(1, 30))) };
            made.Add(AddDeal($"Deal {i}", random.Next(1, 500) * 100m, stage.Id, owners[random.Next(owners.Count)], companies[random.Next(companies.Count)],
                DateOnly.FromDateTime(created.AddDays(random.Next(30, 120)).UtcDateTime), created, history));
        }
        return made;
    }
}
