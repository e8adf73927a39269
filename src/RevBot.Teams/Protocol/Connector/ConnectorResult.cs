using System.Diagnostics.CodeAnalysis;

namespace RevBot.Teams.Protocol.Connector;

/// <summary>A connector call's outcome: a value, or a typed <see cref="ConnectorError"/> (connector calls do not throw for HTTP failures).</summary>
public sealed record ConnectorResult<T>
{
    public T? Value { get; private init; }
    public ConnectorError? Error { get; private init; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

#pragma warning disable CA1000 // Factory methods on a generic result read best as ConnectorResult<T>.Ok(...).
    public static ConnectorResult<T> Ok(T value) => new() { Value = value };

    public static ConnectorResult<T> Fail(ConnectorError error) => new() { Error = error };
#pragma warning restore CA1000
}
