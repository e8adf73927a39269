using Microsoft.EntityFrameworkCore;
using RevBot.Core.Domain;
using RevBot.Core.Storage;

namespace RevBot.Data.Csv;

/// <summary>users.csv: people, keyed by email; managers by email too.</summary>
internal static class UsersFile
{
    public static readonly CsvFileSpec Spec = new("users.csv",
        ["email", "name", "role", "team", "manager_email", "region", "time_zone", "slack_user_id", "teams_user_id"],
        ["email", "name"]);

    public static List<ImportRow<User>> Read(CsvSheet sheet, ImportContext ctx)
    {
        var rows = new List<ImportRow<User>>(sheet.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows)
        {
            var email = row.Email("email");
            var user = new User
            {
                Email = email ?? "",
                Name = row.Text("name", ctx.MaxLength<User>(nameof(User.Name))) ?? "",
                Role = row.Enum<UserRole>("role") ?? UserRole.Rep,
                Team = row.Text("team", ctx.MaxLength<User>(nameof(User.Team))),
                Region = row.Text("region", ctx.MaxLength<User>(nameof(User.Region))),
                TimeZone = row.TimeZone("time_zone", ctx.MaxLength<User>(nameof(User.TimeZone))),
                SlackUserId = row.Text("slack_user_id", ctx.MaxLength<User>(nameof(User.SlackUserId))),
                TeamsUserId = row.Text("teams_user_id", ctx.MaxLength<User>(nameof(User.TeamsUserId))),
            };
            var manager = row.Email("manager_email");
            ctx.ReferUser(row, "manager_email", manager);
            if (email is null || !ctx.FirstTime(seen, email, row, "email", $"user {email}")) continue;
            ctx.ListedUsers.Add(email);
            rows.Add(new ImportRow<User>(row.Line, user, manager));
        }
        return rows;
    }

    /// <summary>
    /// Inserts the users new to the database (from users.csv, or referenced by email only), then sets managers and
    /// updates changed users: managers come second because they may be new themselves.
    /// </summary>
    public static async Task<(CsvFileCounts? Counts, int CreatedFromEmail, UserDirectory Users)> UpsertAsync(
        TableWriter writer, IReadOnlyList<ImportRow<User>>? rows, IEnumerable<string> referenced)
    {
        var stored = await writer.Db.Users.AsNoTracking().ToListAsync(writer.Token);
        // Emails match ignoring case; should the database hold two spellings of one address, the first (lowest id) wins.
        var byEmail = new Dictionary<string, User>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in stored.OrderBy(u => u.Id)) byEmail.TryAdd(user.Email, user);
        var added = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows ?? [])
        {
            if (byEmail.ContainsKey(row.Entity.Email)) continue;
            var user = Copy(row.Entity);
            await writer.AddAsync(user);
            byEmail[user.Email] = user;
            added.Add(user.Email);
        }
        var created = 0;
        foreach (var email in referenced)
        {
            if (byEmail.ContainsKey(email)) continue;
            var user = new User { Email = email, Name = UserNames.FromEmail(email) };
            await writer.AddAsync(user);
            byEmail[email] = user;
            created++;
        }
        await writer.FlushAsync();

        var users = new UserDirectory(byEmail);
        if (rows is null) return (null, created, users);
        var comparer = new RowComparer<User>(writer.Db.Model);
        var updated = 0;
        foreach (var row in rows)
        {
            row.Entity.ManagerId = users.IdOf(row.Email);
            var current = byEmail[row.Entity.Email];
            if (comparer.Same(current, row.Entity)) continue;
            await writer.UpdateAsync(current, row.Entity, comparer);
            if (!added.Contains(row.Entity.Email)) updated++;
        }
        await writer.FlushAsync();
        return (new CsvFileCounts(Spec.Name, rows.Count, added.Count, updated), created, users);
    }

    public static async Task<int> ExportAsync(RevBotDb db, CsvOut output, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().ToListAsync(ct);
        foreach (var u in users.OrderBy(u => u.Email, StringComparer.Ordinal))
            output.Row(u.Email, u.Name, EnumText.Format(u.Role), u.Team, output.EmailOf(u.ManagerId), u.Region, u.TimeZone, u.SlackUserId, u.TeamsUserId);
        return users.Count;
    }

    private static User Copy(User u) => new()
    {
        Email = u.Email, Name = u.Name, Role = u.Role, Team = u.Team, Region = u.Region,
        TimeZone = u.TimeZone, SlackUserId = u.SlackUserId, TeamsUserId = u.TeamsUserId,
    };
}
