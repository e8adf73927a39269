namespace RevBot.Core.Metrics.Sql;

/// <summary>
/// The dimensions of an account, reached from a subscription row <c>s</c> or a deal row <c>d</c>: its segment,
/// industry, region (else its owner's), the account itself, its owner and the owner's team; and, for subscriptions,
/// the subscription's product. Recurring-revenue metrics only have these.
/// </summary>
internal sealed class AccountDimensions
{
    private const string AccountOwnerJoin = "LEFT JOIN users ao ON ao.id = a.owner_id";

    private readonly string _accountId;
    private readonly string? _product;
    private readonly string[] _account;
    private readonly string[] _accountAndOwner;

    private AccountDimensions(string alias, string? product)
    {
        _accountId = $"{alias}.account_id";
        _product = product;
        _account = [$"LEFT JOIN accounts a ON a.id = {_accountId}"];
        _accountAndOwner = [_account[0], AccountOwnerJoin];
    }

    public static AccountDimensions OfSubscriptions { get; } = new("s", "s.product");

    /// <summary>Deals seen through their account (expansion rate's numerator): no product, since a deal's product is not the subscription's.</summary>
    public static AccountDimensions OfDealAccounts { get; } = new("d", null);

    /// <summary>
    /// Per-account rows <c>c</c> of a statement that summed each account first (the ARR bridge): the account's dimensions
    /// are joined to its one row instead of to each of its subscriptions.
    /// </summary>
    public static AccountDimensions OfAccountRows { get; } = new("c", null);

    public string AccountId => _accountId;

    /// <summary>The join that puts the account <c>a</c> next to the row.</summary>
    public string AccountJoin => _account[0];

    public bool Supports(Dimension dimension) => dimension switch
    {
        Dimension.Product => _product is not null,
        Dimension.Owner or Dimension.Team or Dimension.Region or Dimension.Segment or Dimension.Industry or Dimension.Account => true,
        _ => false,
    };

    public DimensionSql Of(Dimension dimension) => dimension switch
    {
        Dimension.Owner => new("ao.email", "ao.name", _accountAndOwner) { Named = new("a.owner_id", _account, "users", "n.email", "n.name") },
        Dimension.Team => new("ao.team", null, _accountAndOwner),
        Dimension.Region => new("COALESCE(a.region, ao.region)", null, _accountAndOwner),
        Dimension.Segment => new("a.segment", null, _account),
        Dimension.Industry => new("a.industry", null, _account),
        Dimension.Account => new(_accountId, "a.name", _account) { Named = new(_accountId, [], "accounts", "x.group_id", "n.name") { ManyGroups = true } },
        Dimension.Product when _product is not null => new(_product, null, []),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "not an account-level dimension"),
    };
}
