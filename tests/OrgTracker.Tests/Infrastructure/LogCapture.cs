using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace OrgTracker.Tests.Infrastructure;

/// <summary>A Serilog sink that keeps every event the application logs, rendered with its properties and exception.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Emit(LogEvent e)
    {
        var properties = string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}"));
        _lines.Enqueue($"{e.Timestamp:O} [{e.Level}] {e.RenderMessage()} {{{properties}}} {e.Exception}");
    }

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public void Clear() => _lines.Clear();

    public string Text => string.Join("\n", _lines);
}
