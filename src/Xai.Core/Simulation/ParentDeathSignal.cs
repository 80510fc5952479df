using System.Diagnostics;

namespace Xai.Simulation;

/// <summary>
/// Makes a child program die with the build. Cancellation kills children explicitly, but a build
/// killed outright (SIGKILL, an IDE's hard stop, OOM) runs no code: its C simulation or vendor tool
/// would go on as an orphan, still writing into obj/. On Linux the child is therefore started
/// through util-linux's <c>setpriv --pdeathsig KILL</c>, which asks the kernel (prctl
/// PR_SET_PDEATHSIG) to kill it when the thread that started it ends; the setting survives the
/// exec of the program itself. Only the direct child is covered: a tool's own helper processes are
/// reached by the process-tree kill on cancellation, not by this. Without setpriv (other systems),
/// programs start directly.
/// </summary>
public static class ParentDeathSignal
{
    private static readonly string? Setpriv = OperatingSystem.IsLinux() ? FindOnPath("setpriv") : null;

    /// <summary>A start description for <paramref name="program"/>; add its arguments to <see cref="ProcessStartInfo.ArgumentList"/>.</summary>
    public static ProcessStartInfo StartInfo(string program)
    {
        // A program that cannot be found is started directly so that the caller sees the usual
        // "cannot start" error rather than setpriv's exit code.
        var resolved = program.Contains('/') ? (File.Exists(program) ? program : null) : FindOnPath(program);
        if (Setpriv is null || resolved is null)
        {
            return new ProcessStartInfo(program);
        }

        var start = new ProcessStartInfo(Setpriv);
        foreach (var argument in new[] { "--pdeathsig", "KILL", "--", resolved })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
}
