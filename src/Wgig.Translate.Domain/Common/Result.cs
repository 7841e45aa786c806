using System.Diagnostics.CodeAnalysis;

namespace Wgig.Translate.Domain.Common;

/// <summary>The value of an operation that can fail in an expected way.</summary>
public readonly struct Result<T> where T : notnull
{
    private Result(T? value, DomainError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public DomainError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public Result<TOut> Map<TOut>(Func<T, TOut> map) where TOut : notnull => Succeeded ? map(Value) : Error;

#pragma warning disable CA1000, CA2225 // the conversions are the way results are made: `return value;` or `return error;`
    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(DomainError error) => new(default, error);

    /// <summary>For the places where C# cannot convert implicitly (interfaces, conditional expressions).</summary>
    public static Result<T> From(T value) => new(value, null);
#pragma warning restore CA1000, CA2225
}
