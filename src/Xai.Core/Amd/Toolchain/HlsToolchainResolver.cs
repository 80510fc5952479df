using Xai.Diagnostics;

namespace Xai.Amd.Toolchain;

/// <summary>
/// Chooses the HLS flow from the tools found and their release, or honours a forced choice when
/// the tools allow it. Rules (AMD releases): <c>vitis_hls -f</c> exists up to 2024.2; the unified
/// <c>v++ --mode hls</c> / <c>vitis-run</c> flow from 2023.2; from 2025.1 only the unified tools
/// remain, and <c>vitis-run --mode hls --tcl</c> still runs classic Tcl scripts.
/// Automatic choice: unified from 2025.1 or when vitis_hls is absent, classic otherwise (the
/// classic flow is the one the 2023.2-2024.2 releases still default to in their tutorials).
/// </summary>
public sealed class HlsToolchainResolver
{
    private static readonly ToolVersion FirstWithoutVitisHls = new(2025, 1);

    private readonly ToolLocator _locator;

    public HlsToolchainResolver(ToolLocator locator) => _locator = locator;

    /// <exception cref="XaiException">XAI5501 when an explicit path property is wrong.</exception>
    public HlsToolchainResolution Resolve(HlsToolPaths paths, HlsFlowSetting setting)
    {
        var hls = _locator.Locate(VendorTool.VitisHls, paths.VitisHls);
        var vpp = _locator.Locate(VendorTool.VPlusPlus, paths.VPlusPlus);
        var run = _locator.Locate(VendorTool.VitisRun, paths.VitisRun);
        IReadOnlyList<ToolLocation> located = [hls, vpp, run];

        var unifiedVersion = vpp.Version ?? run.Version;
        var unifiedPresent = vpp.Found && run.Found;
        var runnerCanTcl = run.Found && run.Version is { } rv && rv >= ToolVersion.FirstUnifiedHls;

        HlsToolchainResolution Classic(ToolLocation runner) =>
            new(new HlsToolchain(HlsFlow.Classic, runner.Version, runner, null, null, VersionNotes(runner)), null, located);

        HlsToolchainResolution Unified() =>
            new(new HlsToolchain(HlsFlow.Unified, unifiedVersion, null, vpp, run, VersionNotes(vpp, run)), null, located);

        HlsToolchainResolution Missing(string message) =>
            new(null, XaiDiagnostic.Warning(DiagnosticCatalog.ToolNotFound, message), located);

        switch (setting)
        {
            case HlsFlowSetting.Classic:
                if (hls.Found)
                {
                    return Classic(hls);
                }

                if (runnerCanTcl)
                {
                    return Classic(run);
                }

                return Missing(
                    $"{HlsFlowSettingParser.Property}=Classic needs vitis_hls (up to 2024.2) or vitis-run 2023.2 or later; " +
                    $"{Describe(hls)}, {Describe(run)}. To use it, {hls.Facts.HowToPoint}.");

            case HlsFlowSetting.Unified:
                if (!unifiedPresent)
                {
                    return Missing(
                        $"{HlsFlowSettingParser.Property}=Unified needs both v++ and vitis-run (2023.2 or later); {Describe(vpp)}, {Describe(run)}. " +
                        $"To use them, {vpp.Facts.HowToPoint}; and for vitis-run, set {run.Facts.Property} or the same variables.");
                }

                if (unifiedVersion is { } uv && uv < ToolVersion.FirstUnifiedHls)
                {
                    throw new XaiException(DiagnosticCatalog.FlowUnavailable,
                        $"{HlsFlowSettingParser.Property}=Unified needs release 2023.2 or later, but the v++/vitis-run found are {uv}; " +
                        $"set {HlsFlowSettingParser.Property} to Classic or Auto, or point {vpp.Facts.Property} at a newer install.");
                }

                return Unified();

            default:
                var unifiedUsable = unifiedPresent && (unifiedVersion is null || unifiedVersion >= ToolVersion.FirstUnifiedHls);
                var preferUnified = unifiedVersion is { } v && v >= FirstWithoutVitisHls;
                if (unifiedUsable && (preferUnified || !hls.Found))
                {
                    return Unified();
                }

                if (hls.Found)
                {
                    return Classic(hls);
                }

                if (runnerCanTcl)
                {
                    return Classic(run);
                }

                return Missing(
                    $"No HLS tools were found ({Describe(hls)}, {Describe(vpp)}, {Describe(run)}). " +
                    $"To use Vitis HLS up to 2024.2, {hls.Facts.HowToPoint}. For 2023.2 and later, v++ and vitis-run can be used instead: " +
                    $"set {vpp.Facts.Property} and {run.Facts.Property}, or XILINX_VITIS.");
        }
    }

    private static string Describe(ToolLocation tool) =>
        tool.Found ? $"{tool.Facts.ExecutableName} {tool.Version?.ToString() ?? "(version unknown)"} at {tool.ExecutablePath}" : $"{tool.Facts.ExecutableName} not found";

    private static List<XaiDiagnostic> VersionNotes(params ToolLocation[] tools) =>
        tools.Where(t => t.Found && t.Version is null)
            .Select(t => XaiDiagnostic.Warning(DiagnosticCatalog.VersionUnknown,
                $"The release of {t.ExecutablePath} could not be determined (no version in its -version output or install path); the HLS flow was chosen from the tools present."))
            .ToList();
}
