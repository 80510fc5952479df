using Xai.Diagnostics;

namespace Xai.Amd.Toolchain;

/// <summary>
/// Finds AMD tools the way users expect: an explicit project property first, then the install
/// roots named by <c>XILINX_HLS</c> / <c>XILINX_VITIS</c> / <c>XILINX_VIVADO</c>, then PATH; and
/// learns each tool's release from its <c>-version</c> output when a probe is given, else from
/// the install directory name.
/// </summary>
public sealed class ToolLocator
{
    private readonly ToolSearchEnvironment _environment;
    private readonly Func<string, string, string?>? _versionProbe;

    /// <param name="environment">What may be looked at; <see cref="ToolSearchEnvironment.Current"/> for the real machine.</param>
    /// <param name="versionProbe">Runs <c>(executable, argument)</c> and returns its output, or null when it
    /// could not run (see <see cref="ToolVersionProbe"/>); without a probe, the version comes from the path only.</param>
    public ToolLocator(ToolSearchEnvironment environment, Func<string, string, string?>? versionProbe = null)
    {
        _environment = environment;
        _versionProbe = versionProbe;
    }

    /// <summary>Looks for <paramref name="tool"/>.</summary>
    /// <param name="tool">The tool to find.</param>
    /// <param name="explicitPath">Value of the tool's project property (<see cref="VendorToolFacts.Property"/>);
    /// empty for "search". When set it must name the tool: a wrong value is an error, not a reason to
    /// silently pick up another install.</param>
    /// <exception cref="XaiException">XAI5501 when <paramref name="explicitPath"/> does not lead to the tool.</exception>
    public ToolLocation Locate(VendorTool tool, string? explicitPath = null)
    {
        var facts = VendorToolFacts.For(tool);
        var searched = new List<string>();

        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            var found = FromExplicit(facts, explicitPath.Trim());
            return Describe(facts, found, ToolOrigin.Property, facts.Property, [facts.Property]);
        }

        foreach (var variable in facts.EnvironmentVariables)
        {
            var root = _environment.GetVariable(variable);
            if (string.IsNullOrWhiteSpace(root))
            {
                searched.Add($"{variable} (unset)");
                continue;
            }

            var bin = Path.Combine(root.Trim(), "bin");
            searched.Add($"{variable}/bin = {bin}");
            if (FindIn(facts, bin) is { } viaVariable)
            {
                return Describe(facts, viaVariable, ToolOrigin.EnvironmentVariable, variable, searched);
            }
        }

        var pathList = _environment.GetVariable("PATH");
        if (string.IsNullOrEmpty(pathList))
        {
            searched.Add("PATH (unset)");
        }
        else
        {
            searched.Add("PATH");
            foreach (var directory in pathList.Split(_environment.PathListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (FindIn(facts, directory) is { } viaPath)
                {
                    return Describe(facts, viaPath, ToolOrigin.SearchPath, directory, searched);
                }
            }
        }

        return new ToolLocation(facts, null, ToolOrigin.None, null, null, VersionOrigin.Unknown, searched);
    }

    private string FromExplicit(VendorToolFacts facts, string path)
    {
        if (File.Exists(path))
        {
            if (_environment.IsExecutableFile(path))
            {
                return Path.GetFullPath(path);
            }

            throw new XaiException(DiagnosticCatalog.BadToolProperty,
                $"Property {facts.Property} is '{path}', a file that cannot be executed; allowed: the {facts.ExecutableName} executable or its install directory (the one holding bin/{facts.ExecutableName}).");
        }

        if (Directory.Exists(path))
        {
            if (FindIn(facts, Path.Combine(path, "bin")) is { } inBin)
            {
                return inBin;
            }

            if (FindIn(facts, path) is { } inDirectory)
            {
                return inDirectory;
            }

            throw new XaiException(DiagnosticCatalog.BadToolProperty,
                $"Property {facts.Property} is the directory '{path}', which holds neither bin/{facts.ExecutableName} nor {facts.ExecutableName}; allowed: the {facts.ExecutableName} executable or its install directory.");
        }

        throw new XaiException(DiagnosticCatalog.BadToolProperty,
            $"Property {facts.Property} is '{path}', which does not exist; allowed: the {facts.ExecutableName} executable or its install directory (e.g. /tools/Xilinx/Vitis_HLS/2023.2).");
    }

    private string? FindIn(VendorToolFacts facts, string directory)
    {
        foreach (var name in _environment.ExecutableFileNames(facts.ExecutableName))
        {
            var candidate = Path.Combine(directory, name);
            if (_environment.IsExecutableFile(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    private ToolLocation Describe(VendorToolFacts facts, string executable, ToolOrigin origin, string detail, IReadOnlyList<string> searched)
    {
        if (_versionProbe?.Invoke(executable, facts.VersionArgument) is { } output
            && ToolVersionReader.FromVersionOutput(output) is { } announced)
        {
            return new ToolLocation(facts, executable, origin, detail, announced, VersionOrigin.VersionOutput, searched);
        }

        // A PATH entry is often a symlink into the install (/usr/local/bin/vivado -> .../Vivado/2023.2/bin/vivado).
        var fromPath = ToolVersionReader.FromInstallPath(executable) ?? ToolVersionReader.FromInstallPath(FinalTarget(executable));
        return new ToolLocation(facts, executable, origin, detail, fromPath,
            fromPath is null ? VersionOrigin.Unknown : VersionOrigin.InstallDirectory, searched);
    }

    private static string? FinalTarget(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
