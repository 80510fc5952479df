using Xai.Diagnostics;

namespace Xai.Amd.Toolchain;

/// <summary>The HLS tools chosen for a build.</summary>
/// <param name="Flow">Classic Tcl or unified config flow.</param>
/// <param name="Version">Release of the chosen tools, null when it could not be learnt.</param>
/// <param name="TclRunner">Classic flow: <c>vitis_hls</c>, or <c>vitis-run</c> (run with <c>--mode hls --tcl</c>) where vitis_hls is gone.</param>
/// <param name="Compiler">Unified flow: <c>v++</c>.</param>
/// <param name="Runner">Unified flow: <c>vitis-run</c>.</param>
/// <param name="Notes">Warnings worth showing (e.g. version unknown).</param>
public sealed record HlsToolchain(
    HlsFlow Flow,
    ToolVersion? Version,
    ToolLocation? TclRunner,
    ToolLocation? Compiler,
    ToolLocation? Runner,
    IReadOnlyList<XaiDiagnostic> Notes);

/// <summary>Outcome of <see cref="HlsToolchainResolver.Resolve"/>: a toolchain, or why there is none and how to fix it.</summary>
/// <param name="Toolchain">The chosen tools; null when HLS cannot run.</param>
/// <param name="Problem">When <paramref name="Toolchain"/> is null: what is missing and how to point the SDK at it.</param>
/// <param name="Located">Every tool looked for, found or not, for logs.</param>
public sealed record HlsToolchainResolution(HlsToolchain? Toolchain, XaiDiagnostic? Problem, IReadOnlyList<ToolLocation> Located)
{
    public bool Available => Toolchain is not null;
}
