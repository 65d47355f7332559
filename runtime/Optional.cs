namespace OpenApiClientGenerator.Runtime
{
    using System;
    using System.Collections.Generic;

    /// <summary>
    /// A member of a JSON merge patch (RFC 7396): either not set, so the server leaves the field unchanged,
    /// or set to a value, where <see langword="null"/> removes the field.
    /// </summary>
    /// <typeparam name="T">The member's type.</typeparam>
    public readonly struct Optional<T> : IEquatable<Optional<T>>
    {
        private readonly T _value;

        private Optional(T value)
        {
            _value = value;
            IsSet = true;
        }

        /// <summary>Gets a member that is not set: it is left out of the patch.</summary>
        public static Optional<T> Unset => default;

        /// <summary>Gets a value indicating whether the member is part of the patch.</summary>
        public bool IsSet { get; }

        /// <summary>Gets the value the member is set to.</summary>
        /// <exception cref="InvalidOperationException">The member is not set.</exception>
        public T Value => IsSet ? _value : throw new InvalidOperationException("The member is not set; check IsSet first.");

        /// <summary>Sets a member to a value; <see langword="null"/> removes the field on the server.</summary>
        public static implicit operator Optional<T>(T value) => new(value);

        /// <summary>Creates a member set to <paramref name="value"/>.</summary>
        public static Optional<T> Of(T value) => new(value);

        public static bool operator ==(Optional<T> left, Optional<T> right) => left.Equals(right);

        public static bool operator !=(Optional<T> left, Optional<T> right) => !left.Equals(right);

        /// <summary>Returns the value if set, otherwise <paramref name="fallback"/>.</summary>
        public T GetValueOrDefault(T fallback) => IsSet ? _value : fallback;

        public bool Equals(Optional<T> other)
            => IsSet == other.IsSet && (!IsSet || EqualityComparer<T>.Default.Equals(_value, other._value));

        public override bool Equals(object? obj) => obj is Optional<T> other && Equals(other);

        public override int GetHashCode() => IsSet ? EqualityComparer<T>.Default.GetHashCode(_value!) ^ 1 : 0;

        public override string ToString() => IsSet ? _value?.ToString() ?? "null" : "<unset>";
    }

    /// <summary>Creates <see cref="Optional{T}"/> values where C# cannot convert implicitly, such as from an interface type.</summary>
    public static class Optional
    {
        /// <summary>Creates a member set to <paramref name="value"/>; <see langword="null"/> removes the field on the server.</summary>
        public static Optional<T> Of<T>(T value) => Optional<T>.Of(value);
    }
}
