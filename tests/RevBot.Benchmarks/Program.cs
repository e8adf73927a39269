using RevBot.Benchmarks;

// A small latency harness (not a test): `dotnet run -c Release --project tests/RevBot.Benchmarks -- ask <db> [as-of] [iterations]`
// or `-- deals <db> [iterations]`.
if (args.Length >= 2 && args[0] == "deals")
{
    await DealBenchmark.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return 0;
}
if (args.Length < 2 || args[0] != "ask")
{
    Console.Error.WriteLine("usage: ask <database target> [as-of YYYY-MM-DD] [iterations] | deals <database target> [iterations]");
    return 2;
}
var asOf = args.Length > 2 ? DateOnly.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.UtcNow);
var iterations = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 30;
await AskBenchmark.RunAsync(args[1], asOf, iterations);
return 0;
