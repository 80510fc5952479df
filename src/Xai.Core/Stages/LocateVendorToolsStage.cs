using Xai.Amd.Toolchain;
using Xai.Projects;

namespace Xai.Stages;

/// <summary>
/// Stage "LocateVendorTools": decides which vendor stages this build attempts
/// (<see cref="VendorStageSelection"/>) and what the hardware computes (<see cref="HardwareChoice"/>),
/// and looks for the tools those stages need: the tool properties, then XILINX_HLS / XILINX_VITIS /
/// XILINX_VIVADO, then PATH, each found tool's release read from its -version output. Saves the
/// tools and the choice for the later vendor stages; never runs a vendor stage itself.
/// </summary>
public static class LocateVendorToolsStage
{
    /// <summary>The vendor properties as the user wrote them.</summary>
    public sealed record Request(
        string VendorStages,
        string RequestedStages,
        string HardwareMethod,
        string BuildInferenceVariant,
        HlsToolPaths HlsPaths,
        string VivadoPath,
        string HlsFlow);

    public sealed record Result(VendorStageSelection Stages, HardwareChoice Choice, VendorToolSet Tools);

    public static Result Run(Request request, ProjectSettings settings, BuildLayout layout, ToolLocator locator)
    {
        var stages = VendorStageSelection.Resolve(request.VendorStages, request.RequestedStages, settings.ProjectFile);
        var choice = HardwareChoice.Resolve(request.HardwareMethod, request.BuildInferenceVariant, settings.Methods, settings.ProjectFile);
        var flow = HlsFlowSettingParser.Parse(request.HlsFlow, settings.ProjectFile);
        var tools = VendorToolSet.Locate(locator, request.HlsPaths, flow, request.VivadoPath, needHls: stages.Wanted.Count > 0, needVivado: stages.Wants(VendorStage.Bitstream));
        var vendor = VendorLayout.For(layout);
        tools.Save(vendor);
        choice.Save(vendor);
        return new Result(stages, choice, tools);
    }
}
