using Microsoft.EntityFrameworkCore;
using RevBot.Core.Storage;
using Stripe;

namespace RevBot.Sources.Stripe;

/// <summary>
/// Which RevBot account a Stripe customer is. First the explicit map (settings, then the map file): the operator's
/// word wins. Then the customer's metadata key, which the company keeps in Stripe. Then the domain of the customer's
/// email, when exactly one account has it. A customer none of these maps is skipped with the reason; an account id
/// that names no account is refused by the importer, also with the reason.
/// </summary>
internal sealed class StripeAccountMap
{
    private readonly IReadOnlyDictionary<string, string> _explicit;
    private readonly string? _metadataKey;
    private readonly IReadOnlyDictionary<string, string?> _byDomain;

    private StripeAccountMap(IReadOnlyDictionary<string, string> map, string? metadataKey, IReadOnlyDictionary<string, string?> byDomain)
    {
        _explicit = map;
        _metadataKey = metadataKey;
        _byDomain = byDomain;
    }

    public static async Task<StripeAccountMap> LoadAsync(RevBotDb db, StripeOptions options, CancellationToken ct)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(options.AccountsFile)) ReadFile(options.AccountsFile, map);
        foreach (var (customer, account) in options.Accounts) map[customer.Trim()] = account.Trim();
        var byDomain = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (options.MatchEmailDomain)
        {
            var accounts = await db.Accounts.AsNoTracking().Where(a => a.Domain != null).Select(a => new { a.Id, a.Domain }).ToListAsync(ct);
            // Two accounts with one domain: which one is meant cannot be told, so that domain maps nobody.
            foreach (var a in accounts) byDomain[a.Domain!.Trim()] = byDomain.ContainsKey(a.Domain!.Trim()) ? null : a.Id;
        }
        return new StripeAccountMap(map, string.IsNullOrWhiteSpace(options.MetadataKey) ? null : options.MetadataKey.Trim(), byDomain);
    }

    /// <summary>The account id, or null and why not.</summary>
    public (string? Account, string? Reason) Resolve(string customerId, Customer? customer)
    {
        if (_explicit.TryGetValue(customerId, out var mapped)) return (mapped, null);
        if (customer is null) return (null, $"customer {customerId} could not be read");
        if (_metadataKey is not null && customer.Metadata?.TryGetValue(_metadataKey, out var fromMetadata) == true && !string.IsNullOrWhiteSpace(fromMetadata))
            return (fromMetadata.Trim(), null);
        var domain = customer.Email is { } email && email.LastIndexOf('@') is var at and > 0 ? email[(at + 1)..].Trim() : null;
        if (domain is not null && _byDomain.TryGetValue(domain, out var byDomain))
            return byDomain is null ? (null, $"customer {customerId}: more than one account has the domain {domain}") : (byDomain, null);
        return (null, $"customer {customerId} maps to no account (no explicit mapping{(_metadataKey is null ? "" : $", no metadata '{_metadataKey}'")}, no account with its email's domain)");
    }

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
