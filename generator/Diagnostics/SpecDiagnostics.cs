using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using OpenApiClientGenerator.Model;
using OpenApiClientGenerator.Reading;

namespace OpenApiClientGenerator.Diagnostics;

/// <summary>
/// Collects the diagnostics of one spec, each placed at the node it is about. The same diagnostic reported twice is
/// kept once: the model builder may visit a schema more than once.
/// </summary>
internal sealed class SpecDiagnostics(SpecInput input)
{
    private readonly LineIndex _lines = LineIndex.Of(input.Text);
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly HashSet<DiagnosticInfo> _reported = [];

    /// <summary>Where each node of the spec is; empty until the text has been read.</summary>
    public SourceMap Map { get; set; } = new();

    public bool HasErrors { get; private set; }

    /// <summary>The lines of the spec's text, which the assembly of its fragments places them by too.</summary>
    public LineIndex Lines => _lines;

    public string FileName => System.IO.Path.GetFileName(input.Path);

    public EquatableArray<DiagnosticInfo> ToEquatableArray() => _diagnostics.ToEquatableArray();

    public void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] messageArgs)
    {
        var diagnostic = DiagnosticInfo.Create(descriptor, location, messageArgs);
        if (_reported.Add(diagnostic))
        {
            _diagnostics.Add(diagnostic);
            HasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
        }
    }

    /// <summary>
    /// The node's location. A node that is not there (a required member left out) belongs to its nearest ancestor that
    /// is: the location is then that ancestor's name, or its first line when it has no name, so that the IDE underlines
    /// a line rather than the whole object. A problem with the whole document is placed on its first line.
    /// </summary>
    public LocationInfo LocationOf(string jsonPointer)
    {
        if (Map.TryGetPosition(jsonPointer, out var position))
        {
            return LocationOf(jsonPointer.Length == 0 ? FirstLine(position) : position);
        }

        for (var ancestor = Parent(jsonPointer); ancestor is not null; ancestor = Parent(ancestor))
        {
            if (Map.TryGetPosition(ancestor, out var ancestorPosition))
            {
                return Map.TryGetKeyPosition(ancestor, out var name) ? LocationOf(name) : LocationOf(FirstLine(ancestorPosition));
            }
        }

        return LocationOf(FirstLine(default));
    }

    /// <summary>The location of a mapping entry's name, where a problem with the name belongs; the node's own when it has none.</summary>
    public LocationInfo LocationOfKey(string jsonPointer)
        => Map.TryGetKeyPosition(jsonPointer, out var position) ? LocationOf(position) : LocationOf(jsonPointer);

    public LocationInfo LocationOf(SourcePosition position)
    {
        var start = Math.Min(Math.Max(position.Offset, 0), input.Text.Length);
        var end = Math.Min(start + Math.Max(position.Length, 0), input.Text.Length);
        var (startLine, startColumn) = _lines.LineAndColumn(start);
        var (endLine, endColumn) = _lines.LineAndColumn(end);
        return new LocationInfo(input.Path, start, end - start, startLine, startColumn, endLine, endColumn);
    }

    private SourcePosition FirstLine(SourcePosition position)
        => position with { Length = Math.Min(position.Length == 0 ? int.MaxValue : position.Length, _lines.EndOfLine(position.Offset, input.Text) - position.Offset) };

    private static string? Parent(string jsonPointer)
        => jsonPointer.Length == 0 ? null : jsonPointer.Substring(0, Math.Max(jsonPointer.LastIndexOf('/'), 0));
}
