using RevBot.Core.Domain;

namespace RevBot.Data.Csv;

/// <summary>The parsed rows of every file in an import folder (null: the file is absent), and how they are written.</summary>
internal sealed class ImportBatch
{
    private List<ImportRow<User>>? _users;
    private List<ImportRow<Account>>? _accounts;
    private List<ImportRow<Contact>>? _contacts;
    private List<ImportRow<Deal>>? _deals;
    private List<ImportRow<DealStageChange>>? _history;
    private List<ImportRow<Activity>>? _activities;
    private List<ImportRow<Subscription>>? _subscriptions;
    private List<ImportRow<ProductUsage>>? _usage;
    private List<ImportRow<SupportTicket>>? _tickets;
    private List<ImportRow<Spend>>? _spend;
    private List<ImportRow<Quota>>? _quotas;
    private List<ImportRow<ForecastSnapshot>>? _forecasts;

    /// <summary>The canonical files in the order they are read, written and exported.</summary>
    public static readonly CsvFileSpec[] Files =
    [
        UsersFile.Spec, AccountsFile.Spec, ContactsFile.Spec, DealsFile.Spec, StageHistoryFile.Spec, ActivitiesFile.Spec,
        SubscriptionsFile.Spec, UsageFile.Spec, TicketsFile.Spec, SpendFile.Spec, QuotasFile.Spec, ForecastSnapshotsFile.Spec,
    ];

    public bool IsEmpty { get; private set; }

    public static ImportBatch Read(CsvSource source, ImportContext ctx)
    {
        var batch = new ImportBatch
        {
            _users = Parse(source, UsersFile.Spec, ctx, UsersFile.Read),
            _accounts = Parse(source, AccountsFile.Spec, ctx, AccountsFile.Read),
            _contacts = Parse(source, ContactsFile.Spec, ctx, ContactsFile.Read),
            _deals = Parse(source, DealsFile.Spec, ctx, DealsFile.Read),
            _history = Parse(source, StageHistoryFile.Spec, ctx, StageHistoryFile.Read),
            _activities = Parse(source, ActivitiesFile.Spec, ctx, ActivitiesFile.Read),
            _subscriptions = Parse(source, SubscriptionsFile.Spec, ctx, SubscriptionsFile.Read),
            _usage = Parse(source, UsageFile.Spec, ctx, UsageFile.Read),
            _tickets = Parse(source, TicketsFile.Spec, ctx, TicketsFile.Read),
            _spend = Parse(source, SpendFile.Spec, ctx, SpendFile.Read),
            _quotas = Parse(source, QuotasFile.Spec, ctx, QuotasFile.Read),
            _forecasts = Parse(source, ForecastSnapshotsFile.Spec, ctx, ForecastSnapshotsFile.Read),
        };
        batch.IsEmpty = source.IsEmpty;
        return batch;
    }

    /// <summary>Writes every file's rows, parents before children; returns the counts of the files present.</summary>
    public async Task<(List<CsvFileCounts> Files, int UsersCreated)> WriteAsync(TableWriter writer, ImportContext ctx)
    {
        var counts = new List<CsvFileCounts>();
        var (userCounts, created, users) = await UsersFile.UpsertAsync(writer, _users, ctx.UserRefs.Keys);
        if (userCounts is not null) counts.Add(userCounts);
        if (_accounts is not null) counts.Add(await AccountsFile.UpsertAsync(writer, _accounts, users));
        if (_contacts is not null) counts.Add(await ContactsFile.UpsertAsync(writer, _contacts));
        if (_deals is not null) counts.Add(await DealsFile.UpsertAsync(writer, _deals, users));
        if (_history is not null) counts.Add(await StageHistoryFile.UpsertAsync(writer, _history));
        if (_activities is not null) counts.Add(await ActivitiesFile.UpsertAsync(writer, _activities, users));
        if (_subscriptions is not null) counts.Add(await SubscriptionsFile.UpsertAsync(writer, _subscriptions));
        if (_usage is not null) counts.Add(await UsageFile.UpsertAsync(writer, _usage));
        if (_tickets is not null) counts.Add(await TicketsFile.UpsertAsync(writer, _tickets));
        if (_spend is not null) counts.Add(await SpendFile.UpsertAsync(writer, _spend));
        if (_quotas is not null) counts.Add(await QuotasFile.UpsertAsync(writer, _quotas, users));
        if (_forecasts is not null) counts.Add(await ForecastSnapshotsFile.UpsertAsync(writer, _forecasts, users));
        return (counts, created);
    }

    private static List<ImportRow<T>>? Parse<T>(CsvSource source, CsvFileSpec spec, ImportContext ctx, Func<CsvSheet, ImportContext, List<ImportRow<T>>> read) =>
        source.Sheet(spec, ctx) is { } sheet ? read(sheet, ctx) : null;
}
