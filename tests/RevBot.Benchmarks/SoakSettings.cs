using System.Globalization;

namespace RevBot.Benchmarks;

/// <summary>
/// <c>soak --db &lt;PostgreSQL target&gt; [--minutes 60] [--sample-seconds 30] [--csv path] [--ask-rate 2] [--slack-rate 1]
/// [--as-of 2026-11-27] [--digest-channels 10] [--stripe 2000] [--hubspot 5000] [--host path/to/revbot.dll]
/// [--smaps-seconds 120]</c>. The database is written to (digest schedules, synced rows, alerts): give it a copy, never
/// a shared demo database.
/// </summary>
internal sealed record SoakSettings(string Target, TimeSpan Duration)
{
    public TimeSpan SampleEvery { get; init; } = TimeSpan.FromSeconds(30);
    public string Csv { get; init; } = "soak.csv";
    public double AskRate { get; init; } = 2;
    public double SlackRate { get; init; } = 1;
    public DateOnly AsOf { get; init; } = new(2026, 11, 27);
    public int DigestChannels { get; init; } = 10;
    public int StripeSubscriptions { get; init; } = 2000;
    public int HubspotDeals { get; init; } = 5000;

    /// <summary>
    /// A published <c>revbot.dll</c> (or <c>revbot</c>): run it as <c>revbot serve</c> in a process of its own and
    /// measure that process alone. Null: the host runs inside this process, the harness's memory counted with it.
    /// </summary>
    public string? HostPath { get; init; }

    /// <summary>How often the host's <c>/proc/&lt;pid&gt;/smaps</c> is summed by kind of mapping (<see cref="SoakSmaps"/>).</summary>
    public TimeSpan SmapsEvery { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the fakes change (deals' amounts, subscriptions' quantities) so every sync has work.</summary>
    public TimeSpan ChangeEvery { get; init; } = TimeSpan.FromMinutes(5);

    public static SoakSettings? Parse(string[] args)
    {
        if (args.Length % 2 != 1) return null;
        var settings = new SoakSettings("", TimeSpan.FromMinutes(60));
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            double Number() => double.Parse(value, CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--db" => settings with { Target = value },
                "--minutes" => settings with { Duration = TimeSpan.FromMinutes(Number()) },
                "--sample-seconds" => settings with { SampleEvery = TimeSpan.FromSeconds(Number()) },
                "--csv" => settings with { Csv = value },
                "--ask-rate" => settings with { AskRate = Number() },
                "--slack-rate" => settings with { SlackRate = Number() },
                "--as-of" => settings with { AsOf = DateOnly.Parse(value, CultureInfo.InvariantCulture) },
                "--digest-channels" => settings with { DigestChannels = (int)Number() },
                "--stripe" => settings with { StripeSubscriptions = (int)Number() },
                "--hubspot" => settings with { HubspotDeals = (int)Number() },
                "--host" => settings with { HostPath = value },
                "--smaps-seconds" => settings with { SmapsEvery = TimeSpan.FromSeconds(Number()) },
                _ => null!,
            };
            if (settings is null) return null;
        }
        return settings.Target.Length > 0 ? settings : null;
    }
}
