using System.Globalization;

namespace RevBot.Benchmarks;

/// <summary><c>digests --db TARGET [--as-of YYYY-MM-DD] [--channels N] [--workers N] [--no-share] [--verbose] [--out FOLDER]</c>.</summary>
internal sealed record DigestBenchmarkSettings(string Target, DateOnly AsOf, int Channels, int Workers, bool Share, bool Verbose = false, string? Out = null)
{
    public static DigestBenchmarkSettings? Parse(string[] args)
    {
        string? target = null;
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        var channels = 200;
        var workers = 2;
        var share = true;
        var verbose = false;
        string? output = null;
        for (var i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--db": target = Value(); break;
                case "--as-of": asOf = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture); break;
                case "--channels": channels = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--workers": workers = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--no-share": share = false; break;
                case "--verbose": verbose = true; break;
                case "--out": output = Value(); break;
                default: return null;
            }
        }
        return target is null || channels < 1 || workers < 1 ? null : new DigestBenchmarkSettings(target, asOf, channels, workers, share, verbose, output);
    }
}
