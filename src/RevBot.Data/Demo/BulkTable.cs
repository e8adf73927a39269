namespace RevBot.Data.Demo;

/// <summary>A table's name and the columns the bulk loaders fill, in order.</summary>
internal sealed class BulkTable<T>(string name)
{
    private readonly List<BulkColumn<T>> _columns = [];

    public string Name { get; } = name;

    public IReadOnlyList<BulkColumn<T>> Columns => _columns;

    public string ColumnList => string.Join(", ", _columns.Select(c => '"' + c.Name + '"'));

    public BulkTable<T> Text(string column, Func<T, string?> get) => Add(new TextColumn<T>(column, get));

    public BulkTable<T> Int(string column, Func<T, int?> get) => Add(new IntColumn<T>(column, get));

    public BulkTable<T> Long(string column, Func<T, long?> get) => Add(new LongColumn<T>(column, get));

    public BulkTable<T> Money(string column, Func<T, decimal?> get) => Add(new MoneyColumn<T>(column, get));

    public BulkTable<T> Date(string column, Func<T, DateOnly?> get) => Add(new DateColumn<T>(column, get));

    public BulkTable<T> Timestamp(string column, Func<T, DateTime?> get) => Add(new TimestampColumn<T>(column, get));

    public BulkTable<T> Enum<TEnum>(string column, Func<T, TEnum?> get) where TEnum : struct, System.Enum =>
        Add(new EnumColumn<T, TEnum>(column, get));

    private BulkTable<T> Add(BulkColumn<T> column)
    {
        _columns.Add(column);
        return this;
    }
}
