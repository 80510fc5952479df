using System.Runtime.CompilerServices;
using Xai.Deployment;
using Xai.Diagnostics;

namespace Xai.PowerShell;

/// <summary>Sessions Disconnect-XaiBoard closed, so that using one again is a clear XAI7007, not an SSH library error.</summary>
internal static class ClosedSessions
{
    private static readonly ConditionalWeakTable<BoardSession, object> Closed = [];

    public static void Add(BoardSession session) => Closed.AddOrUpdate(session, true);

    public static void RequireOpen(BoardSession session)
    {
        if (Closed.TryGetValue(session, out _))
        {
            throw new XaiCmdletException(DiagnosticCatalog.SessionClosed,
                $"The session to {session.Endpoint} was closed by Disconnect-XaiBoard; connect again with Connect-XaiBoard.",
                System.Management.Automation.ErrorCategory.InvalidOperation, session);
        }
    }
}
