using System.Globalization;

namespace RevBot.Data.Demo;

/// <summary>Source-system-like ids, zero-padded so text order is creation order and B-tree inserts append.</summary>
internal static class DemoIds
{
    public static string Account(long n) => Format("acc-", n, 7);

    public static string Contact(long n) => Format("con-", n, 8);

    public static string Deal(long n) => Format("deal-", n, 8);

    public static string Activity(long n) => Format("act-", n, 9);

    public static string Subscription(long n) => Format("sub-", n, 8);

    public static string Ticket(long n) => Format("tkt-", n, 8);

    private static string Format(string prefix, long n, int width) =>
        string.Concat(prefix, n.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
}
