namespace RevBot.Data.Storage;

public sealed record DatabaseStatus(bool Reachable, int PendingMigrations, string Detail)
{
    public bool Ready => Reachable && PendingMigrations == 0;
}
