using Npgsql;

namespace RevBot.Benchmarks;

/// <summary>
/// Who the question set asks as and about, read from the database so the set runs on any seed: the rep who owns the
/// most deals, a front-line manager, and the account with the most won deals.
/// </summary>
internal sealed record QuestionSetPeople(int RepId, string RepName, string RepEmail, int ManagerId, string ManagerEmail, string ManagerTeam, string AccountName)
{
    public static async Task<QuestionSetPeople> ReadAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        async Task<object[]> Row(string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            if (!await reader.ReadAsync()) throw new InvalidOperationException($"the question set needs: {sql}");
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            return values;
        }
        var rep = await Row("SELECT u.id, u.name, u.email FROM users u WHERE u.role = 'rep' ORDER BY (SELECT count(*) FROM deals d WHERE d.owner_id = u.id) DESC, u.id LIMIT 1");
        // A manager whose team has reps of its own (a VP's team names no rep).
        var manager = await Row("SELECT m.id, m.email, m.team FROM users m WHERE m.role = 'manager' AND EXISTS (SELECT 1 FROM users r WHERE r.role = 'rep' AND r.team = m.team) ORDER BY m.id LIMIT 1");
        var account = await Row("SELECT a.name FROM accounts a JOIN deals d ON d.account_id = a.id WHERE d.status = 'won' GROUP BY a.id, a.name ORDER BY count(*) DESC, a.id LIMIT 1");
        return new QuestionSetPeople((int)rep[0], (string)rep[1], (string)rep[2], (int)manager[0], (string)manager[1], (string)manager[2], (string)account[0]);
    }
}
