namespace Xai.Amd.Toolchain;

/// <summary>
/// How each <see cref="VendorTool"/> is named, where its install points an environment variable,
/// which project property overrides the search, and how it reports its version.
/// </summary>
/// <param name="Tool">The tool.</param>
/// <param name="ExecutableName">File name without extension (Windows installs add <c>.bat</c>).</param>
/// <param name="Property">Project property that names the executable or its install directory.</param>
/// <param name="EnvironmentVariables">Install roots to search, in order; the executable is in their <c>bin/</c>.</param>
/// <param name="VersionArgument">Argument that makes the tool print its release and exit.</param>
public sealed record VendorToolFacts(
    VendorTool Tool,
    string ExecutableName,
    string Property,
    IReadOnlyList<string> EnvironmentVariables,
    string VersionArgument)
{
    // XILINX_HLS is the standalone Vitis_HLS root up to 2023.2 and the Vitis root from 2024.1, so the
    // HLS tools look under both; v++ and vitis-run belong to Vitis first.
    public static readonly VendorToolFacts VitisHls =
        new(VendorTool.VitisHls, "vitis_hls", "XaiVitisHlsPath", ["XILINX_HLS", "XILINX_VITIS"], "-version");

    public static readonly VendorToolFacts VPlusPlus =
        new(VendorTool.VPlusPlus, "v++", "XaiVppPath", ["XILINX_VITIS", "XILINX_HLS"], "--version");

    public static readonly VendorToolFacts VitisRun =
        new(VendorTool.VitisRun, "vitis-run", "XaiVitisRunPath", ["XILINX_VITIS", "XILINX_HLS"], "--version");

    public static readonly VendorToolFacts Vivado =
        new(VendorTool.Vivado, "vivado", "XaiVivadoPath", ["XILINX_VIVADO"], "-version");

    public static VendorToolFacts For(VendorTool tool) => tool switch
    {
        VendorTool.VitisHls => VitisHls,
        VendorTool.VPlusPlus => VPlusPlus,
        VendorTool.VitisRun => VitisRun,
        VendorTool.Vivado => Vivado,
        _ => throw new ArgumentOutOfRangeException(nameof(tool), tool, null),
    };

    /// <summary>What to tell a user whose tool was not found: the property and the variables that point at it.</summary>
    public string HowToPoint =>
        $"set the project property {Property} to the {ExecutableName} executable or its install directory, " +
        $"or set {string.Join(" or ", EnvironmentVariables)} to the install directory (the one holding bin/{ExecutableName}), " +
        $"or put {ExecutableName} on PATH (source the install's settings64.sh / settings64.bat)";
}
