using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RevBot.Core.Domain;

namespace RevBot.Core.Storage;

/// <summary>Stores enums as their snake_case text (see <see cref="EnumText"/>), readable in SQL and stable across reorderings.</summary>
public sealed class EnumTextConverter<T>() : ValueConverter<T, string>(v => EnumText.Format(v), s => EnumText.Parse<T>(s))
    where T : struct, Enum;
