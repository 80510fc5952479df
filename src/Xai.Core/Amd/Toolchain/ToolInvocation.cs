namespace Xai.Amd.Toolchain;

/// <summary>One command line to run a vendor tool, and what a successful run leaves behind.</summary>
/// <param name="Description">What the run does, for logs ("C synthesis").</param>
/// <param name="Executable">Full path of the tool.</param>
/// <param name="Arguments">Arguments, one element each (no shell quoting needed).</param>
/// <param name="WorkingDirectory">Directory to start the tool in; relative paths in scripts resolve from here.</param>
/// <param name="LogFile">The log the tool writes, or null when the host must capture standard output itself.</param>
/// <param name="ExpectedOutputs">Files that must exist afterwards (see <see cref="ToolRunVerdict"/>).</param>
public sealed record ToolInvocation(
    string Description,
    string Executable,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    string? LogFile,
    IReadOnlyList<string> ExpectedOutputs);
