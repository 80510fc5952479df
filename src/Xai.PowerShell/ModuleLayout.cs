using System.Reflection;

namespace Xai.PowerShell;

/// <summary>
/// Where the module's data lives. The dll sits in <c>bin/</c> below the module base, both in the
/// repository (Xai.psd1 at the root, <c>./build.sh</c> publishes into <c>bin/</c>) and in the
/// installed module package, and the board catalog is <c>boards/</c> beside <c>bin/</c> in both.
/// </summary>
internal static class ModuleLayout
{
    public static string ModuleBase { get; } =
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(ModuleLayout).Assembly.Location)!, ".."));

    public static string BoardsDirectory => Path.Combine(ModuleBase, "boards");

    public static string Version => typeof(ModuleLayout).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
}
