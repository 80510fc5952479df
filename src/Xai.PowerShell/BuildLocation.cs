using System.Management.Automation;
using Newtonsoft.Json.Linq;
using Xai.Diagnostics;

namespace Xai.PowerShell;

/// <summary>
/// The folders of one build, found from what a user naturally points at: the <c>.xaiproj</c>, its
/// folder, or the output folder holding <c>report.json</c> (<c>bin/&lt;Configuration&gt;</c>). The
/// intermediate folder (<c>obj/&lt;Configuration&gt;/xai</c>, where the vendor stages work) is found
/// beside the project when the build used the default layout.
/// </summary>
internal sealed record BuildLocation(string OutputDirectory, string? ProjectFile, string? IntermediateDirectory)
{
    public string ReportJson => Path.Combine(OutputDirectory, "report.json");

    public string? VendorDirectory => IntermediateDirectory is null ? null : Path.Combine(IntermediateDirectory, "vendor");

    public static BuildLocation Resolve(string path, string? configuration)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full) && full.EndsWith(".xaiproj", StringComparison.OrdinalIgnoreCase))
        {
            return FromProject(full, configuration);
        }

        if (!Directory.Exists(full))
        {
            throw File.Exists(full)
                ? NotABuild(full)
                : new XaiCmdletException(DiagnosticCatalog.PathNotFound, $"'{full}' does not exist; expected a .xaiproj, its folder, or a build output folder with report.json.", ErrorCategory.ObjectNotFound, full);
        }

        if (File.Exists(Path.Combine(full, "report.json")))
        {
            return FromOutput(full);
        }

        var projects = Directory.GetFiles(full, "*.xaiproj");
        return projects.Length == 1 ? FromProject(projects[0], configuration) : throw NotABuild(full);
    }

    private static BuildLocation FromProject(string projectFile, string? configuration)
    {
        var projectDirectory = Path.GetDirectoryName(projectFile)!;
        var bin = Path.Combine(projectDirectory, "bin");
        var built = Directory.Exists(bin)
            ? Directory.GetDirectories(bin).Where(d => File.Exists(Path.Combine(d, "report.json"))).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
        string chosen;
        if (configuration is not null)
        {
            chosen = built.FirstOrDefault(c => c.Equals(configuration, StringComparison.OrdinalIgnoreCase))
                ?? throw new XaiCmdletException(DiagnosticCatalog.NotABuild,
                    $"'{projectFile}' has no report.json for configuration '{configuration}' under bin/; built: {(built.Count == 0 ? "none" : string.Join(", ", built))}. Build it: dotnet build \"{projectFile}\" -c {configuration}.",
                    ErrorCategory.ObjectNotFound, projectFile);
        }
        else
        {
            chosen = built.Count switch
            {
                0 => throw new XaiCmdletException(DiagnosticCatalog.NotABuild,
                    $"'{projectFile}' has not been built (no bin/<Configuration>/report.json); run: dotnet build \"{projectFile}\".",
                    ErrorCategory.ObjectNotFound, projectFile),
                1 => built[0],
                _ => throw new XaiCmdletException(DiagnosticCatalog.AmbiguousBuild,
                    $"'{projectFile}' is built in several configurations ({string.Join(", ", built)}); pass -Configuration with one of them.",
                    ErrorCategory.InvalidArgument, projectFile),
            };
        }

        var intermediate = Path.Combine(projectDirectory, "obj", chosen, "xai");
        return new BuildLocation(Path.Combine(bin, chosen), projectFile, Directory.Exists(intermediate) ? intermediate : null);
    }

    private static BuildLocation FromOutput(string outputDirectory)
    {
        // report.json names the project file; it sits a few levels up in the default layout (bin/Debug).
        string? projectName = null;
        try
        {
            projectName = (string?)JObject.Parse(File.ReadAllText(Path.Combine(outputDirectory, "report.json")))["project"];
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // XaiBuild.Read reports a broken report.json with its own id.
        }

        var directory = Path.GetDirectoryName(outputDirectory);
        for (var level = 0; projectName is not null && directory is not null && level < 4; level++, directory = Path.GetDirectoryName(directory))
        {
            var project = Path.Combine(directory, projectName);
            if (File.Exists(project))
            {
                var intermediate = Path.Combine(directory, "obj", Path.GetFileName(outputDirectory), "xai");
                return new BuildLocation(outputDirectory, project, Directory.Exists(intermediate) ? intermediate : null);
            }
        }

        return new BuildLocation(outputDirectory, null, null);
    }

    private static XaiCmdletException NotABuild(string path) => new(DiagnosticCatalog.NotABuild,
        $"'{path}' is not a build: expected a .xaiproj, a folder with exactly one .xaiproj, or a build output folder with report.json.",
        ErrorCategory.InvalidArgument, path);
}
