namespace RevBot.Core.Metrics.Sql;

/// <summary>The dimensions of a deal row <c>d</c>. Region is the account's, else the deal owner's.</summary>
internal static class DealDimensions
{
    public const string AccountJoin = "LEFT JOIN accounts a ON a.id = d.account_id";
    public const string OwnerJoin = "LEFT JOIN users u ON u.id = d.owner_id";

    private static readonly string[] Account = [AccountJoin];
    private static readonly string[] Owner = [OwnerJoin];
    private static readonly string[] AccountAndOwner = [AccountJoin, OwnerJoin];

    public static DimensionSql Of(Dimension dimension) => dimension switch
    {
        Dimension.Owner => new("u.email", "u.name", Owner) { Named = new("d.owner_id", [], "users", "n.email", "n.name") },
        Dimension.Team => new("u.team", null, Owner),
        Dimension.Region => new("COALESCE(a.region, u.region)", null, AccountAndOwner),
        Dimension.Segment => new("a.segment", null, Account),
        Dimension.Industry => new("a.industry", null, Account),
        Dimension.Product => new("d.product", null, []),
        Dimension.Source => new("d.source", null, []),
        Dimension.Type => new("d.type", null, []),
        Dimension.Stage => new("d.stage", null, []),
        Dimension.Account => new("d.account_id", "a.name", Account) { Named = new("d.account_id", [], "accounts", "x.group_id", "n.name") { ManyGroups = true } },
        Dimension.LossReason => new("d.loss_reason", null, []),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, null),
    };
}
