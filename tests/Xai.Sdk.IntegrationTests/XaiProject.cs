using System.Text.RegularExpressions;

namespace Xai.Sdk.IntegrationTests;

/// <summary>
/// A temporary directory holding a .xaiproj, its global.json and nuget.config, ready for
/// <c>dotnet build</c> with the packed SDK; a small stand-in for MSBuild.ProjectCreation.
/// </summary>
public sealed class XaiProject : IDisposable
{
    private readonly PackedSdk _sdk;

    /// <param name="directoryName">The project folder's name before its unique suffix (default: <paramref name="name"/>);
    /// lets a test put the project in a path with spaces or non-ASCII characters.</param>
    public XaiProject(PackedSdk sdk, string properties, string items = "", string? sdkVersion = null, string name = "test", string? directoryName = null)
    {
        _sdk = sdk;
        Directory = Path.Combine(sdk.Root, "projects", (directoryName ?? name) + "-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);
        ProjectFile = Path.Combine(Directory, name + ".xaiproj");
        File.WriteAllText(ProjectFile, $"""
            <Project Sdk="Xai.Sdk">
              <PropertyGroup>
            {properties}
              </PropertyGroup>
              <ItemGroup>
            {items}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(Directory, "global.json"), $$"""
            { "sdk": { "version": "10.0.100", "rollForward": "latestMajor" }, "msbuild-sdks": { "Xai.Sdk": "{{sdkVersion ?? sdk.Version}}" } }
            """);
        File.WriteAllText(Path.Combine(Directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="xai-test-feed" value="{sdk.Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    public string Directory { get; }

    public string ProjectFile { get; }

    public string PackageCache => _sdk.PackageCache;

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    public void WriteFile(string relative, byte[] content)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllBytes(PathOf(relative), content);
    }

    public void CopyFile(string source, string relative)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.Copy(source, PathOf(relative), overwrite: true);
    }

    public BuildResult Build(params string[] extraArgs) => Run("build", null, extraArgs);

    /// <summary><c>dotnet build</c> of another project in this folder (<paramref name="relativeProject"/>), with this folder's global.json and feed.</summary>
    public BuildResult BuildOther(string relativeProject, params string[] extraArgs) => Run("build", null, extraArgs, PathOf(relativeProject));

    /// <summary><c>dotnet build</c> with extra environment variables (MSBuild reads them as properties).</summary>
    public BuildResult Build(IReadOnlyDictionary<string, string> environment, params string[] extraArgs) => Run("build", environment, extraArgs);

    public BuildResult Clean(params string[] extraArgs) => Run("clean", null, extraArgs);

    private BuildResult Run(string command, IReadOnlyDictionary<string, string>? environment, string[] extraArgs, string? project = null)
    {
        var args = new List<string> { command, project ?? ProjectFile, "-nologo", "-v:m", "-clp:NoSummary" };
        args.AddRange(extraArgs);
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["NUGET_PACKAGES"] = _sdk.PackageCache };
        var run = DotnetCli.Run(Directory, variables, args.ToArray());
        return new BuildResult(run.ExitCode, run.Output);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>What a build printed, with its MSBuild diagnostics picked out.</summary>
public sealed partial class BuildResult(int exitCode, string output)
{
    public int ExitCode { get; } = exitCode;

    public string Output { get; } = output;

    public bool Succeeded => ExitCode == 0;

    public IReadOnlyList<Diagnostic> Errors => Diagnostics("error");

    public IReadOnlyList<Diagnostic> Warnings => Diagnostics("warning");

    private IReadOnlyList<Diagnostic> Diagnostics(string kind) =>
        DiagnosticLine().Matches(Output)
            .Where(m => m.Groups["kind"].Value == kind)
            .Select(m => new Diagnostic(
                m.Groups["code"].Value,
                m.Groups["file"].Value.Trim(),
                m.Groups["message"].Value.Trim(),
                m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0))
            .Distinct()
            .ToList();

    public override string ToString() => $"exit {ExitCode}\n{Output}";

    [GeneratedRegex(@"^\s*(\d+>)?(?<file>[^\n]*?)\s*(\((?<line>\d+)(,\d+)?\))?\s*:\s*(?<kind>error|warning)\s+(?<code>[A-Z]+\d+)\s*:\s*(?<message>[^\n]*?)(\s\[[^\]\n]*\])?\s*$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}

/// <param name="Line">The line MSBuild printed after the file, or 0 when there was none.</param>
public sealed record Diagnostic(string Code, string File, string Message, int Line = 0);
