namespace RevBot.Data.Storage;

public enum DbProvider
{
    Sqlite,
    Postgres,
}
