using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;
using Scriban.Runtime;

namespace OpenApiClientGenerator.Emitting;

/// <summary>
/// A render's globals: the members of its view, as Scriban's <c>Import</c> makes them. <c>Import</c> finds the members by
/// reflection and reads each through <see cref="PropertyInfo.GetValue(object)"/> at every render, and a spec renders
/// hundreds of files: what it imports for a view type is learnt from its first render, and later renders read the same
/// members, under the same names and with the same writability, through delegates to their getters.
/// </summary>
internal static class ViewGlobals
{
    /// <summary>Per view type, its members as <c>Import</c> names them; null for a type whose members are not all properties, which is imported as before.</summary>
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Member>?> Members = new();

    public static ScriptObject Of(object view)
    {
        var globals = new ScriptObject();
        if (!Members.TryGetValue(view.GetType(), out var members))
        {
            globals.Import(view, renamer: StandardMemberRenamer.Default);
            Members.TryAdd(view.GetType(), Learn(view.GetType(), globals));
            return globals;
        }

        if (members is null)
        {
            globals.Import(view, renamer: StandardMemberRenamer.Default);
            return globals;
        }

        foreach (var member in members)
        {
            globals.SetValue(member.Name, member.Get(view), member.IsReadOnly);
        }

        return globals;
    }

    /// <summary>The members <paramref name="imported"/> holds, in its order, each matched with the property it was read from.</summary>
    private static IReadOnlyList<Member>? Learn(Type type, ScriptObject imported)
    {
        var properties = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
        for (var declaring = type; declaring is not null && declaring != typeof(object); declaring = declaring.BaseType)
        {
            foreach (var property in declaring.GetProperties(BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Public))
            {
                var name = StandardMemberRenamer.Default(property) is { Length: > 0 } renamed ? renamed : property.Name;
                if (property.GetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0 && !properties.ContainsKey(name))
                {
                    properties.Add(name, property);
                }
            }
        }

        var members = new List<Member>();
        foreach (var name in imported.Keys)
        {
            if (!properties.TryGetValue(name, out var property))
            {
                return null;
            }

            members.Add(new Member(name, ViewAccessor.GetterOf(property), !imported.CanWrite(name)));
        }

        return members;
    }

    private sealed record Member(string Name, Func<object, object?> Get, bool IsReadOnly);
}
