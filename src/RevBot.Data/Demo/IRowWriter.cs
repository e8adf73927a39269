namespace RevBot.Data.Demo;

/// <summary>Takes rows of one table, one at a time, straight into the database's bulk path.</summary>
internal interface IRowWriter<in T>
{
    long Count { get; }

    void Write(T row);
}
