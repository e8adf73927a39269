using Bogus;

namespace RevBot.Data.Demo;

/// <summary>
/// Independent, reproducible random streams: one per (seed, purpose, index), so an account's deals come out the same
/// whether or not its contacts were generated first, and every pass over the accounts sees the same company.
/// </summary>
internal static class DemoRandom
{
    public static Randomizer For(int seed, DemoStream stream, long index) => new(Mix(seed, stream, index));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public static bool Chance(this Randomizer r, double p) => r.Double() < p;

    public static double Between(this Randomizer r, double min, double max) => min + (r.Double() * (max - min));

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double Normal(this Randomizer r)
    {
        var u1 = 1.0 - r.Double();
        var u2 = r.Double();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Skewed positive values such as deal sizes and cycle lengths: half fall below <paramref name="median"/>.</summary>
    public static double LogNormal(this Randomizer r, double median, double sigma) => median * Math.Exp(sigma * r.Normal());

    /// <summary>Waiting time of a Poisson process with <paramref name="rate"/> events per unit.</summary>
    public static double Exponential(this Randomizer r, double rate) => -Math.Log(1.0 - r.Double()) / rate;

    public static int PickIndex(this Randomizer r, IReadOnlyList<double> weights)
    {
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++) total += weights[i];
        var x = r.Double() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Count - 1;
    }

    public static T Pick<T>(this Randomizer r, IReadOnlyList<T> items) => items[r.Int(0, items.Count - 1)];

    private static int Mix(int seed, DemoStream stream, long index)
    {
        // SplitMix64 finaliser over the three inputs: nearby indexes give unrelated seeds.
        var x = ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)stream << 48) ^ (ulong)index;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (int)(x & 0x7FFF_FFFF);
    }
}
