using System.Text;
using Bogus;
using RevBot.Core.Domain;

namespace RevBot.Data.Demo;

/// <summary>
/// The company's people: an exec, RevOps, a sales org (VP, regional managers, reps), customer success, marketing and
/// finance. About 40 at scale 1; above it the teams grow with the square root of the scale.
/// </summary>
internal sealed class DemoPeople
{
    private readonly List<User> _users = [];
    private readonly List<DemoRep> _reps = [];
    private readonly Dictionary<int, DemoRep> _repById = [];
    private readonly List<int>[] _repsByRegion = [.. DemoCatalog.Regions.Select(_ => new List<int>())];
    private readonly List<int> _success = [];
    private readonly HashSet<string> _emails = new(StringComparer.Ordinal);
    private readonly Faker _faker = new("en");
    private readonly Randomizer _random;
    private readonly string _domain;

    private DemoPeople(DemoSeedOptions options)
    {
        _random = DemoRandom.For(options.Seed, DemoStream.People, 0);
        _faker.Random = _random;
        _domain = DemoText.Slug(options.Company.Name) + ".example";
        var growth = Math.Max(1, Math.Sqrt(options.Scale));
        var slowGrowth = Math.Max(1, Math.Pow(options.Scale, 0.25));
        var repCount = (int)Math.Round(22 * growth);
        var managerCount = Math.Max(DemoCatalog.Regions.Length, (int)Math.Ceiling(repCount / 6.0));

        var exec = Add(UserRole.Exec, "Executive", null, 0);
        Add(UserRole.Revops, "Revenue Operations", exec, 0);
        var vp = Add(UserRole.Manager, "Sales", exec, 0);
        var managersByRegion = DemoCatalog.Regions.Select(_ => new List<int>()).ToArray();
        foreach (var region in Spread(managerCount))
            managersByRegion[region].Add(Add(UserRole.Manager, "Sales " + DemoCatalog.Regions[region].Name, vp, region));
        foreach (var region in Spread(repCount))
        {
            var managers = managersByRegion[region];
            var id = Add(UserRole.Rep, "Sales " + DemoCatalog.Regions[region].Name, managers[_repsByRegion[region].Count % managers.Count], region);
            var rep = new DemoRep(id, region, _random.Between(0.8, 1.2));
            _reps.Add(rep);
            _repById.Add(id, rep);
            _repsByRegion[region].Add(id);
        }
        var csCount = (int)Math.Round(6 * growth);
        var csLead = Add(UserRole.Cs, "Customer Success", exec, 0);
        _success.Add(csLead);
        foreach (var region in Spread(csCount - 1)) _success.Add(Add(UserRole.Cs, "Customer Success", csLead, region));
        var marketingLead = Add(UserRole.Marketing, "Marketing", exec, 0);
        for (var i = 1; i < (int)Math.Round(3 * slowGrowth); i++) Add(UserRole.Marketing, "Marketing", marketingLead, i % 2);
        var financeLead = Add(UserRole.Finance, "Finance", exec, 0);
        for (var i = 1; i < (int)Math.Round(2 * slowGrowth); i++) Add(UserRole.Finance, "Finance", financeLead, i % 2);
    }

    public IReadOnlyList<User> Users => _users;

    public IReadOnlyList<DemoRep> Reps => _reps;

    public static DemoPeople Create(DemoSeedOptions options) => new(options);

    /// <summary>A rep who sells in <paramref name="region"/>.</summary>
    public int RepIn(int region, Randomizer r) => r.Pick(_repsByRegion[region]);

    public DemoRep Rep(int userId) => _repById[userId];

    /// <summary>The customer success manager who looks after an account.</summary>
    public int SuccessManagerFor(int accountIndex) => _success[accountIndex % _success.Count];

    /// <summary>Regions for <paramref name="count"/> people, in proportion to the regions' weights, every region at least one.</summary>
    private static IEnumerable<int> Spread(int count)
    {
        var regions = DemoCatalog.Regions;
        var given = new int[regions.Length];
        for (var i = 0; i < count; i++)
        {
            // Next person goes to the region furthest below its share: deterministic and balanced.
            var best = 0;
            var bestGap = double.MinValue;
            for (var r = 0; r < regions.Length; r++)
            {
                var gap = given[r] == 0 ? double.MaxValue : (regions[r].Weight * (i + 1)) - given[r];
                if (gap > bestGap) (best, bestGap) = (r, gap);
            }
            given[best]++;
            yield return best;
        }
    }

    private int Add(UserRole role, string team, int? managerId, int region)
    {
        var first = _faker.Name.FirstName();
        var last = _faker.Name.LastName();
        var local = DemoText.EmailLocal(first) + "." + DemoText.EmailLocal(last);
        var email = local + "@" + _domain;
        for (var n = 2; !_emails.Add(email); n++) email = new StringBuilder(local).Append(n).Append('@').Append(_domain).ToString();
        var home = DemoCatalog.Regions[region];
        var user = new User
        {
            Id = _users.Count + 1,
            Email = email,
            Name = first + " " + last,
            Role = role,
            Team = team,
            ManagerId = managerId,
            Region = home.Name,
            TimeZone = _random.Pick(home.TimeZones),
        };
        _users.Add(user);
        return user.Id;
    }
}
