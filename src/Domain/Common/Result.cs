using System.Diagnostics.CodeAnalysis;

namespace Enterprise.Domain.Common;

/// <summary>Lets generic code (pipeline behaviors) read an outcome without knowing its value type.</summary>
public interface IOutcome
{
    Error? Error { get; }
}

/// <summary>Lets generic code (pipeline behaviors) create a failed result without knowing its value type.</summary>
public interface IFailable<out TSelf> : IOutcome
    where TSelf : IFailable<TSelf>
{
    static abstract TSelf Failure(Error error);
}

/// <summary>Lets generic code (the audit behavior) read a successful outcome's value without knowing its type.</summary>
public interface IValueOutcome : IOutcome
{
    /// <summary>The value when the outcome succeeded; <see langword="null"/> when it failed.</summary>
    object? SuccessValue { get; }
}

/// <summary>The outcome of an operation that has no value: success, or an expected <see cref="Error"/>.</summary>
public readonly record struct Result : IFailable<Result>
{
    private Result(Error? error) => Error = error;

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static Result Success() => new(null);

    public static Result Failure(Error error) => new(error ?? throw new ArgumentNullException(nameof(error)));

    public static implicit operator Result(Error error) => Failure(error);
}

/// <summary>The outcome of an operation: a value, or an expected <see cref="Error"/>.</summary>
public readonly record struct Result<T> : IFailable<Result<T>>, IValueOutcome
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value of a successful result; reading it from a failure is a programming error.</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"A failed result has no value ({Error.Code}).");

    object? IValueOutcome.SuccessValue => _value;

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
}
