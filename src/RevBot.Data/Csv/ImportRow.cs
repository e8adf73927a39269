namespace RevBot.Data.Csv;

/// <summary>A parsed row: the entity it becomes and the email of the user it refers to (owner, manager, author), if any.</summary>
internal sealed record ImportRow<T>(int Line, T Entity, string? Email);
