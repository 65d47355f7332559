using System;
using System.Collections.Generic;
using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Runtime.Accessors;

namespace OpenApiClientGenerator.Emitting;

/// <summary>
/// How the templates read a view's members: Scriban's own accessor for the type, with each property read through a
/// delegate to its getter instead of <see cref="PropertyInfo.GetValue(object)"/>. A template reads view members more
/// often than it does anything else, and reflection costs several times a delegate call (many times more on .NET
/// Framework, where the compiler may run).
/// </summary>
/// <remarks>
/// Scriban decides which members a type has and what they are called; a name it knows that is not a property getter
/// found here (a field, say) is read by Scriban's accessor as before.
/// </remarks>
internal sealed class ViewAccessor : IObjectAccessor
{
    private static readonly MethodInfo GetterOfType = typeof(ViewAccessor).GetMethod(nameof(Getter), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The flags' values, boxed once: the templates test flags more often than they read anything else.</summary>
    private static readonly object True = true;

    private static readonly object False = false;

    private readonly IObjectAccessor _scriban;
    private readonly Dictionary<string, Func<object, object?>> _getters = new(StringComparer.Ordinal);

    private ViewAccessor(Type type, IObjectAccessor scriban, MemberRenamerDelegate renamer)
    {
        _scriban = scriban;

        // As Scriban names the members: the type's own first, then its bases'; the first of a name wins.
        for (var declaring = type; declaring is not null && declaring != typeof(object); declaring = declaring.BaseType)
        {
            foreach (var property in declaring.GetProperties(BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Public))
            {
                var name = renamer(property) is { Length: > 0 } renamed ? renamed : property.Name;
                if (property.GetMethod is { IsPublic: true } getter && property.GetIndexParameters().Length == 0
                    && !_getters.ContainsKey(name) && scriban.HasMember(null!, default, null!, name))
                {
                    _getters.Add(name, GetterOf(property));
                }
            }
        }
    }

    /// <summary>
    /// The accessor for a view type (a class: its getters take the instance as their first argument), or Scriban's own
    /// where Scriban does not read the type as an object with members.
    /// </summary>
    public static IObjectAccessor? For(Type type, IObjectAccessor? scriban, MemberRenamerDelegate renamer)
        => scriban is TypedObjectAccessor && type.IsClass ? new ViewAccessor(type, scriban, renamer) : scriban;

    public bool HasIndexer => _scriban.HasIndexer;

    public Type? IndexType => _scriban.IndexType;

    public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => _scriban.GetMemberCount(context, span, target);

    public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => _scriban.GetMembers(context, span, target);

    public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => _scriban.HasMember(context, span, target, member);

    public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
    {
        if (_getters.TryGetValue(member, out var getter))
        {
            value = getter(target);
            return true;
        }

        return _scriban.TryGetValue(context, span, target, member, out value);
    }

    /// <summary>The delegate that reads <paramref name="member"/>, for the compiled templates to keep (<see cref="Compiled.MemberRead"/>).</summary>
    public bool TryGetGetter(string member, out Func<object, object?> getter) => _getters.TryGetValue(member, out getter!);

    public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) => _scriban.TrySetValue(context, span, target, member, value);

    public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) => _scriban.TryGetItem(context, span, target, index, out value);

    public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) => _scriban.TrySetItem(context, span, target, index, value);

    /// <summary>A delegate that reads <paramref name="property"/> of an instance of the type that declares it.</summary>
    public static Func<object, object?> GetterOf(PropertyInfo property)
        => (Func<object, object?>)GetterOfType.MakeGenericMethod(property.DeclaringType!, property.PropertyType).Invoke(null, [property.GetMethod!])!;

    private static Func<object, object?> Getter<TView, TValue>(MethodInfo getter)
    {
        var get = (Func<TView, TValue>)Delegate.CreateDelegate(typeof(Func<TView, TValue>), getter);
        if (typeof(TValue) == typeof(bool))
        {
            var flag = (Func<TView, bool>)(object)get;
            return view => flag((TView)view) ? True : False;
        }

        return view => get((TView)view);
    }
}
