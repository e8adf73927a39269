namespace RevBot.Data.Demo;

/// <summary>
/// Streams the demo company into a sink. <see cref="Run"/> may be called once per table (PostgreSQL's COPY takes one
/// table at a time) or once for all: each call replays the same plans from the seed, with fresh id counters.
/// </summary>
internal sealed class DemoGenerator
{
    private readonly DemoSeedOptions _options;
    private readonly DemoTimeline _time;

    public DemoGenerator(DemoSeedOptions options)
    {
        _options = options;
        _time = new DemoTimeline(options.AsOf, options.Company.FiscalYearStartMonth);
        People = DemoPeople.Create(options);
        Totals = new DemoTotals(_time);
    }

    public DemoPeople People { get; }

    /// <summary>Filled by the pass that writes deals; the company rows need it, so they go last.</summary>
    public DemoTotals Totals { get; }

    public int AccountCount => AccountPlanner.AccountCount(_options.Scale);

    public void Run(DemoSink sink, CancellationToken ct)
    {
        var planner = new AccountPlanner(_options, _time, People);
        var emitter = new AccountEmitter(_options, _time, People, Totals);
        for (var i = 0; i < AccountCount; i++)
        {
            if ((i & 255) == 0) ct.ThrowIfCancellationRequested();
            emitter.Emit(planner.Plan(i), sink);
        }
    }

    public void RunCompany(DemoSink sink) => new CompanyRows(_options, _time, People, Totals).Write(sink);
}
