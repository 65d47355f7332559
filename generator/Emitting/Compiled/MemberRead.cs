using System;
using System.Threading;
using Scriban;

namespace OpenApiClientGenerator.Emitting.Compiled;

/// <summary>
/// Reads the member a compiled template names (<c>type.name</c>) as Scriban's member expression does: through the
/// accessor the context gives for the target's type. For a view, that accessor reads a property through a delegate to its
/// getter (<see cref="ViewAccessor"/>); the delegate is kept here for each type the member was read from, so a later
/// read is a type check and a delegate call, without a dictionary lookup.
/// </summary>
/// <remarks>
/// One instance per member name serves every template and thread: its cache only grows, a copy at a time, and a read
/// that loses a race only learns the getter again.
/// </remarks>
internal sealed class MemberRead(string name)
{
    private Getter[] _getters = [];

    public object? Of(object? target, TemplateContext context)
    {
        if (target is null)
        {
            return context.EnableRelaxedTargetAccess
                ? null
                : throw new InvalidOperationException("Object is null. Cannot access member: " + name);
        }

        var type = target.GetType();
        var getters = Volatile.Read(ref _getters);
        foreach (var getter in getters)
        {
            if (getter.Type == type)
            {
                return getter.Read(target);
            }
        }

        var accessor = context.GetMemberAccessor(target);
        if (accessor is ViewAccessor view && view.TryGetGetter(name, out var read))
        {
            var learnt = new Getter[getters.Length + 1];
            Array.Copy(getters, learnt, getters.Length);
            learnt[getters.Length] = new Getter(type, read);
            Volatile.Write(ref _getters, learnt);
            return read(target);
        }

        if (accessor.TryGetValue(context, default, target, name, out var value))
        {
            return value;
        }

        return context.EnableRelaxedMemberAccess
            ? null
            : throw new InvalidOperationException("Cannot find member " + name + " on " + type.Name);
    }

    private sealed class Getter(Type type, Func<object, object?> read)
    {
        public Type Type { get; } = type;

        public Func<object, object?> Read { get; } = read;
    }
}
