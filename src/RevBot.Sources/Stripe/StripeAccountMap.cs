using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RevBot.Core.Storage;
using Stripe;

namespace RevBot.Sources.Stripe;

/// <summary>
/// Which RevBot account a Stripe customer is. First the explicit map (settings, then the map file): the operator's
/// word wins. Then the customer's metadata key, which the company keeps in Stripe. Then the domain of the customer's
/// email, when exactly one account has it. A customer none of these maps is skipped with the reason; an account id
/// that names no account is refused by the importer, also with the reason. The domains are looked up a batch at a time
/// (<see cref="LookUpDomainsAsync"/>), only those of customers the map and the metadata leave: reading every account's
/// domain held 150,000 of them in memory through each sync of the scale-100 demo (docs/benchmarks.md, "The host in a
/// process of its own").
/// </summary>
internal sealed class StripeAccountMap
{
    private readonly IReadOnlyDictionary<string, string> _explicit;
    private readonly string? _metadataKey;
    private readonly IServiceScopeFactory? _scopes;
    /// <summary>Domains looked up so far: the one account that has it, or null when none has.</summary>
    private readonly Dictionary<string, string?> _byDomain = new(StringComparer.OrdinalIgnoreCase);

    private readonly HashSet<string> _sharedDomains = new(StringComparer.OrdinalIgnoreCase);

    private StripeAccountMap(IReadOnlyDictionary<string, string> map, string? metadataKey, IServiceScopeFactory? scopes)
    {
        _explicit = map;
        _metadataKey = metadataKey;
        _scopes = scopes;
    }

    /// <param name="scopes">Where the domains are looked up; null when <see cref="StripeOptions.MatchEmailDomain"/> is off.</param>
    public static StripeAccountMap Load(IServiceScopeFactory scopes, StripeOptions options)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(options.AccountsFile)) ReadFile(options.AccountsFile, map);
        foreach (var (customer, account) in options.Accounts) map[customer.Trim()] = account.Trim();
        return new StripeAccountMap(map, string.IsNullOrWhiteSpace(options.MetadataKey) ? null : options.MetadataKey.Trim(), options.MatchEmailDomain ? scopes : null);
    }

    /// <summary>
    /// Reads which accounts have the email domains of these customers, for those the explicit map and the metadata do
    /// not map and whose domain is not known yet. Two accounts with one domain: which one is meant cannot be told, so
    /// that domain maps nobody.
    /// </summary>
    public async Task LookUpDomainsAsync(IEnumerable<(string CustomerId, Customer? Customer)> customers, CancellationToken ct)
    {
        if (_scopes is null) return;
        var wanted = customers.Where(c => c.Customer is not null && FromMapOrMetadata(c.CustomerId, c.Customer) is null)
            .Select(c => DomainOf(c.Customer!)).OfType<string>().Where(d => !_byDomain.ContainsKey(d))
            .Select(d => d.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) return;
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RevBotDb>();
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.Domain != null && wanted.Contains(a.Domain.Trim().ToLower()))
            .Select(a => new { a.Id, a.Domain }).ToListAsync(ct);
        foreach (var d in wanted) _byDomain.TryAdd(d, null);
        foreach (var a in accounts)
        {
            var domain = a.Domain!.Trim();
            if (_byDomain.GetValueOrDefault(domain) is null && !_sharedDomains.Contains(domain)) _byDomain[domain] = a.Id;
            else
            {
                _sharedDomains.Add(domain);
                _byDomain[domain] = null;
            }
        }
    }

    /// <summary>
    /// The account id, or null and why not. A customer mapped by its email's domain needs
    /// <see cref="LookUpDomainsAsync"/> first.
    /// </summary>
    public (string? Account, string? Reason) Resolve(string customerId, Customer? customer)
    {
        if (FromMapOrMetadata(customerId, customer) is { } account) return (account, null);
        if (customer is null) return (null, $"customer {customerId} could not be read");
        var domain = DomainOf(customer);
        if (domain is not null && _sharedDomains.Contains(domain)) return (null, $"customer {customerId}: more than one account has the domain {domain}");
        if (domain is not null && _byDomain.GetValueOrDefault(domain) is { } byDomain) return (byDomain, null);
        return (null, $"customer {customerId} maps to no account (no explicit mapping{(_metadataKey is null ? "" : $", no metadata '{_metadataKey}'")}, no account with its email's domain)");
    }

    private string? FromMapOrMetadata(string customerId, Customer? customer)
    {
        if (_explicit.TryGetValue(customerId, out var mapped)) return mapped;
        if (_metadataKey is not null && customer?.Metadata?.TryGetValue(_metadataKey, out var fromMetadata) == true && !string.IsNullOrWhiteSpace(fromMetadata))
            return fromMetadata.Trim();
        return null;
    }

    private static string? DomainOf(Customer customer) =>
        customer.Email is { } email && email.LastIndexOf('@') is var at and > 0 ? email[(at + 1)..].Trim() : null;

    private static void ReadFile(string path, Dictionary<string, string> map)
    {
        foreach (var (line, i) in System.IO.File.ReadLines(path).Select((l, i) => (l, i)))
        {
            var cells = line.Split(',');
            if (cells.Length < 2 || string.IsNullOrWhiteSpace(cells[0])) continue;
            // The header, if any, names the columns rather than a customer.
            if (i == 0 && cells[0].Trim().Equals("customer_id", StringComparison.OrdinalIgnoreCase)) continue;
            map[cells[0].Trim().Trim('"')] = cells[1].Trim().Trim('"');
        }
    }
}
