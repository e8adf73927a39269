using RevBot.Benchmarks;

// A small latency harness (not a test), run from a Release build:
//   ask <database target> [as-of YYYY-MM-DD] [iterations]
//   deals <database target> [iterations]
//   slack-ack [--db <target>] [--requests N] [--warmup N] [--rate per-second, 0 = back to back] [--scale S]
//             [--ceiling true] [--outage-at seconds --outage-for seconds] [--min-threads N]
//   digests --db <target> [--as-of YYYY-MM-DD] [--channels N] [--workers N] [--no-share]
//   sync-hubspot [--provider postgres|sqlite] [--deals N] [--changed N] [--latency-ms N]   (PostgreSQL from REVBOT_TEST_POSTGRES)
if (args.Length >= 1 && args[0] == "sync-hubspot") return await HubspotSyncBenchmark.RunAsync(args);
//   sync-stripe [--provider sqlite|postgres | --db <target>] [--subscriptions N] [--changed N] [--latency-ms M]
if (args.Length >= 2 && args[0] == "deals")
{
    await DealBenchmark.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return 0;
}
if (args.Length >= 1 && args[0] == "slack-ack")
{
    if (SlackAckSettings.Parse(args) is not { } settings)
    {
        Console.Error.WriteLine("usage: slack-ack [--db <target>] [--requests N] [--warmup N] [--rate R] [--scale S] [--ceiling true] [--outage-at S --outage-for S]");
        return 2;
    }
    return await SlackAckBenchmark.RunAsync(settings);
}
//   soak --db <PostgreSQL copy> [--minutes 60] [--sample-seconds 30] [--csv soak.csv] [--ask-rate 2] [--slack-rate 1] [--digest-channels 10]
//        [--host <published revbot.dll>: the host in a process of its own] [--smaps-seconds 120]
if (args.Length >= 1 && args[0] == "soak")
{
    if (await ImageEnvironment.RunAgainWithItAsync(args) is { } soakExit) return soakExit;
    if (SoakSettings.Parse(args) is not { } soakSettings)
    {
        Console.Error.WriteLine("usage: soak --db <PostgreSQL copy> [--minutes N] [--sample-seconds N] [--csv path] [--ask-rate R] [--slack-rate R] [--digest-channels N] [--stripe N] [--hubspot N] [--host path/to/revbot.dll] [--smaps-seconds N]");
        return 2;
    }
    return await SoakBenchmark.RunAsync(soakSettings);
}
if (args.Length >= 1 && args[0] == "digests")
{
    if (DigestBenchmarkSettings.Parse(args) is not { } digestSettings)
    {
        Console.Error.WriteLine("usage: digests --db <target> [--as-of YYYY-MM-DD] [--channels N] [--workers N] [--no-share]");
        return 2;
    }
    return await DigestBenchmark.RunAsync(digestSettings);
}
// sync-salesforce [--provider postgres|sqlite] [--deals N] [--changed N] [--latency-ms N] [--read-only]   (PostgreSQL from REVBOT_TEST_POSTGRES)
if (args.Length >= 1 && args[0] == "sync-salesforce") return await SalesforceSyncBenchmark.RunAsync(args);
if (args.Length >= 1 && args[0] == "sync-stripe") return await StripeSyncBenchmark.RunAsync(args);
//   ask-set <PostgreSQL target> [as-of YYYY-MM-DD] [iterations] [only the questions containing this text]
if (args.Length >= 2 && args[0] == "ask-set")
    return await AskSetBenchmark.RunAsync(args[1], args.Length > 2 ? DateOnly.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.UtcNow),
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 20, args.Length > 4 ? args[4] : null);
//   ask-load <PostgreSQL target> <as-of YYYY-MM-DD> [--clients N] [--seconds S] [--warmup S] [--mix all]: /api/ask under N clients
if (args.Length >= 1 && args[0] == "ask-load") return await ImageEnvironment.RunAgainWithItAsync(args) ?? await AskLoad.RunAsync(args);
//   ask-trace <PostgreSQL target> <as-of YYYY-MM-DD> <only the questions containing this text>: every statement one question sends
if (args.Length >= 4 && args[0] == "ask-trace")
    return await AskTrace.RunAsync(args[1], DateOnly.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
//   ask-loop <PostgreSQL target> <as-of YYYY-MM-DD> <asks> <text of the question> [--pause]: one question N times, wall and CPU per ask
if (args.Length >= 1 && args[0] == "ask-loop") return await AskLoop.RunAsync(args);
//   forecast <database target> [as-of YYYY-MM-DD] [iterations] [writes]   (writes: also change three open deals' amounts)
if (args.Length >= 2 && args[0] == "forecast")
{
    await ForecastBenchmark.RunAsync(args[1], args.Length > 2 ? DateOnly.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.UtcNow),
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 20, args.Length > 4 && args[4] == "writes");
    return 0;
}
//   alert-scan <database target> [as-of YYYY-MM-DD] [runs] [json file]: the dry-run scan repeated in one process (the host's hourly scan, warm)
if (args.Length >= 1 && args[0] == "alert-scan") return await AlertScanBenchmark.RunAsync(args);
if (args.Length < 2 || args[0] != "ask")
{
    Console.Error.WriteLine("usage: ask <database target> [as-of YYYY-MM-DD] [iterations]  |  deals <database target> [iterations]  |  slack-ack [options]  |  digests [options]");
    return 2;
}
var asOf = args.Length > 2 ? DateOnly.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.UtcNow);
var iterations = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 30;
await AskBenchmark.RunAsync(args[1], asOf, iterations);
return 0;
