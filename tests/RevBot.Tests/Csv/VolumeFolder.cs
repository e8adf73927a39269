using System.Globalization;
using System.Text;

namespace RevBot.Tests.Csv;

/// <summary>Writes a generated import folder of realistic size (12,000 deals and 100,000 activity and usage rows at scale 1).</summary>
internal static class VolumeFolder
{
    public static void Write(string folder, double scale = 1)
    {
        var random = new Random(42);
        int users = 100, accounts = N(3_000, scale), deals = N(12_000, scale), activities = N(60_000, scale), days = 20;
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        string Email(int i) => $"rep{i}@acme.test";
        string Account(int i) => $"A-{i}";
        string Time(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        string Day(DateTime t) => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        Write(folder, "users.csv", "email,name,role,team,manager_email,region,time_zone,slack_user_id,teams_user_id",
            Enumerable.Range(0, users).Select(i => $"{Email(i)},Rep {i},{(i < 10 ? "manager" : "rep")},Team {i % 10},{(i < 10 ? "" : Email(i % 10))},EMEA,Europe/Madrid,U{i:D6},"));
        Write(folder, "accounts.csv", "account_id,name,domain,industry,segment,region,country,employees,owner_email,created_at",
            Enumerable.Range(0, accounts).Select(i => $"{Account(i)},Account {i},a{i}.test,Software,SMB,EMEA,Spain,{random.Next(10, 5000)},{Email(random.Next(users))},{Time(start.AddDays(random.Next(365)))}"));
        var dealRows = new List<string>();
        var history = new List<string>();
        for (var i = 0; i < deals; i++)
        {
            var created = start.AddDays(random.Next(600)).AddMinutes(random.Next(1440));
            var status = (i % 3) switch { 0 => "open", 1 => "won", _ => "lost" };
            var closedAt = status == "open" ? "" : Time(created.AddDays(random.Next(5, 120)));
            dealRows.Add($"D-{i},Deal {i},{Account(random.Next(accounts))},{Email(random.Next(users))},{random.Next(1_000, 200_000)}.{random.Next(100):D2},USD,{(status == "open" ? "proposal" : "closed")},{status},new,Platform,inbound,{Time(created)},{Day(created.AddDays(90))},{closedAt},,pipeline,{random.Next(101)},Call back");
            for (var s = 0; s < 3; s++) history.Add($"D-{i},stage{s},{Time(created.AddDays(s * 7))}");
        }
        Write(folder, "deals.csv", "deal_id,name,account_id,owner_email,amount,currency,stage,status,type,product,source,created_at,close_date,closed_at,loss_reason,forecast_category,probability,next_step", dealRows);
        Write(folder, "deal_stage_history.csv", "deal_id,stage,entered_at", history);
        Write(folder, "activities.csv", "activity_id,type,occurred_at,deal_id,account_id,user_email,subject",
            Enumerable.Range(0, activities).Select(i => $"ACT-{i},call,{Time(start.AddMinutes(random.Next(900_000)))},D-{random.Next(deals)},,{Email(random.Next(users))},Call {i}"));
        Write(folder, "usage.csv", "account_id,date,active_users,events",
            Enumerable.Range(0, accounts * days / 1).Take(N(40_000, scale)).Select(i => $"{Account(i / days)},{Day(start.AddDays(i % days))},{random.Next(500)},{random.Next(100_000)}"));
        Write(folder, "subscriptions.csv", "subscription_id,account_id,product,mrr,start_date,end_date",
            Enumerable.Range(0, accounts).Select(i => $"S-{i},{Account(i)},Platform,{random.Next(100, 20_000)},{Day(start.AddDays(random.Next(300)))},"));
        Write(folder, "tickets.csv", "ticket_id,account_id,opened_at,closed_at,priority,satisfaction",
            Enumerable.Range(0, accounts).Select(i => $"T-{i},{Account(i)},{Time(start.AddDays(random.Next(300)))},,medium,{random.Next(1, 6)}"));
    }

    private static int N(int count, double scale) => Math.Max(1, (int)(count * scale));

    private static void Write(string folder, string file, string header, IEnumerable<string> rows)
    {
        var text = new StringBuilder(header).Append('\n');
        foreach (var row in rows) text.Append(row).Append('\n');
        File.WriteAllText(Path.Combine(folder, file), text.ToString());
    }
}
