using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xai.Amd.Scripts;
using Xai.Amd.Toolchain;
using Xai.CodeGeneration;
using Xai.Diagnostics;
using Xai.IO;
using Xai.Planning;
using Xai.Projects;

namespace Xai.Stages;

/// <summary>
/// Stages "Synthesize" and "CoSimulate": for each top (xai_top, and xai_top_fp with the inference
/// variant) writes the classic Tcl script or the unified hls_config.cfg, runs the HLS tools on it
/// and judges each run by its outputs and log, not by its exit code. Synthesize runs C simulation of
/// the testbench (when there is one), C synthesis and the IP export; CoSimulate reopens the
/// synthesized project and runs C/RTL co-simulation. After a successful run the top's reports are
/// read into hardware.&lt;top&gt;.json.
/// </summary>
public static class HlsStage
{
    /// <summary>The HLS project of one top: paths relative to <see cref="VendorLayout.WorkingDirectory"/>.</summary>
    public static HlsProjectSpec Spec(HlsTopDesign top, HlsSourcesStage.Result sources, ProjectSettings settings, string hlsInclude, HlsSteps steps) => new()
    {
        ProjectName = top.FunctionName,
        TopFunction = top.FunctionName,
        SourceFiles = [VendorLayout.ScriptRelativeSource(top.SourceFileName)],
        TestbenchFiles = sources.HasTestbenchData
            ? [VendorLayout.ScriptRelativeSource(top.TestbenchFileName), .. HlsTestbenchWriter.DataFiles.Select(VendorLayout.ScriptRelativeSource)]
            : [],
        IncludeDirectories = [Path.GetFullPath(hlsInclude)],
        CompilerFlags = CompilerFlags,
        TestbenchArguments = sources.HasTestbenchData
            ? [.. HlsTestbenchWriter.DataFiles, sources.Target.ToString(CultureInfo.InvariantCulture)]
            : [],
        Part = settings.Board.Part,
        ClockPeriodNs = 1000.0 / settings.ClockMHz,
        Steps = steps,
        // The Zynq-7000 PS has a 32-bit address space: 32-bit pointer registers suffice there.
        MAxiAddress64 = settings.Board.Family == "zynq" ? false : null,
        // Widen the m_axi ports and their bursts up to the PS slave port the masters reach.
        MAxi = HlsMAxiSettings.ForBus(settings.Board.ProcessingSystem.SlavePortDataWidth),
    };

    /// <summary>
    /// The flags of every design and testbench file, so that C simulation, co-simulation and
    /// synthesis all compile what is synthesized: C++14 (UG1399: Vitis HLS supports C++11/C++14;
    /// hls-lib's C++17 <c>xai/fixed.h</c> is only used without XAI_USE_AP_FIXED), the real
    /// <c>ap_fixed</c> types (XAI_USE_AP_FIXED) and the synthesized loop nests (XAI_HLS_LOOPS)
    /// instead of the C-simulation fast paths. Vitis csim and cosim do not define __SYNTHESIS__.
    /// </summary>
    public static IReadOnlyList<string> CompilerFlags { get; } = ["-std=c++14", "-DXAI_USE_AP_FIXED", "-DXAI_HLS_LOOPS"];

    /// <summary>The steps <paramref name="stage"/> runs.</summary>
    public static HlsSteps StepsOf(VendorStage stage, bool hasTestbench) => stage switch
    {
        VendorStage.Synthesize => (hasTestbench ? HlsSteps.CSim : HlsSteps.None) | HlsSteps.CSynth | HlsSteps.Export,
        VendorStage.CoSimulate => HlsSteps.CoSim,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "not an HLS stage"),
    };

    /// <summary>Writes the script or config of every top and returns the runs to make, in order.</summary>
    public static IReadOnlyList<(HlsTopDesign Top, HlsProjectSpec Spec, ToolInvocation Run)> Prepare(
        VendorStage stage, HlsToolchain toolchain, HlsSourcesStage.Result sources, ProjectSettings settings, string hlsInclude, VendorLayout vendor)
    {
        if (stage == VendorStage.CoSimulate && !sources.HasTestbenchData)
        {
            throw new XaiException(DiagnosticCatalog.NoTestbenchData,
                "Co-simulation needs the testbench's data, taken from the first simulated image, and the C simulation had none: add an XaiImage item.", settings.ProjectFile);
        }

        var steps = StepsOf(stage, sources.HasTestbenchData);
        var runs = new List<(HlsTopDesign, HlsProjectSpec, ToolInvocation)>();
        foreach (var top in sources.Tops)
        {
            var spec = Spec(top, sources, settings, hlsInclude, steps);
            string input;
            if (toolchain.Flow == HlsFlow.Classic)
            {
                input = stage == VendorStage.Synthesize ? vendor.SynthesisScript(top) : vendor.CoSimulationScript(top);
                AtomicFile.WriteAllTextIfChanged(input, HlsTclScriptWriter.Write(spec));
            }
            else
            {
                // One config for every step of the component; each run picks its step on the command line.
                input = vendor.HlsConfig(top);
                var all = sources.HasTestbenchData ? HlsSteps.All : HlsSteps.CSynth | HlsSteps.Export;
                AtomicFile.WriteAllTextIfChanged(input, HlsConfigWriter.Write(spec with { Steps = all }));
            }

            foreach (var run in HlsInvocationPlanner.Plan(toolchain, spec, vendor.WorkingDirectory, input))
            {
                runs.Add((top, spec, run));
            }
        }

        return runs;
    }

    public static VendorStageOutcome Run(
        VendorStage stage, DesignPlan plan, ProjectSettings settings, VendorToolSet tools, string hlsInclude,
        VendorLayout vendor, Action<ToolInvocation, string> onLine, CancellationToken cancel, ToolExecutor? executor = null)
    {
        var toolchain = tools.Hls ?? throw new XaiException(DiagnosticCatalog.ToolNotFound, $"{stage} needs the HLS tools: {tools.HlsProblem}", settings.ProjectFile);
        var sources = HlsSourcesStage.Load(plan, vendor);
        var runs = Prepare(stage, toolchain, sources, settings, hlsInclude, vendor);
        var diagnostics = new List<XaiDiagnostic>();
        var producedBy = tools.HlsDescription!;
        foreach (var (top, _, invocation) in runs)
        {
            var result = VendorRun.Execute(invocation, line => onLine(invocation, line), cancel, executor);
            diagnostics.AddRange(result.Diagnostics);
            if (!result.Succeeded)
            {
                return Failed(stage, vendor, diagnostics, invocation, top, producedBy);
            }
        }

        return Complete(stage, sources, settings, vendor, producedBy, diagnostics);
    }

    /// <summary>After every run of <paramref name="stage"/> succeeded: reads each top's reports into hardware.&lt;top&gt;.json and records the stage.</summary>
    public static VendorStageOutcome Complete(
        VendorStage stage, HlsSourcesStage.Result sources, ProjectSettings settings, VendorLayout vendor, string producedBy, List<XaiDiagnostic> diagnostics)
    {
        foreach (var top in sources.Tops)
        {
            diagnostics.AddRange(HardwareCollection.Save(vendor, top.FunctionName, settings.Board.Part, [vendor.HlsProjectDirectory(top)], stage, producedBy));
        }

        var steps = StepsOf(stage, sources.HasTestbenchData);
        var summary = $"{producedBy}: {string.Join(", ", sources.Tops.Select(t => t.FunctionName))} ({steps})";
        return Finish(stage, vendor, true, diagnostics, summary);
    }

    /// <summary>Records <paramref name="stage"/> as failed at <paramref name="invocation"/> of <paramref name="top"/>.</summary>
    public static VendorStageOutcome Failed(VendorStage stage, VendorLayout vendor, List<XaiDiagnostic> diagnostics, ToolInvocation invocation, HlsTopDesign top, string producedBy) =>
        Finish(stage, vendor, false, diagnostics, $"failed: {invocation.Description} of {top.FunctionName} ({producedBy})");

    internal static VendorStageOutcome Finish(VendorStage stage, VendorLayout vendor, bool succeeded, List<XaiDiagnostic> diagnostics, string summary)
    {
        Directory.CreateDirectory(vendor.Directory);
        AtomicFile.WriteAllText(vendor.StageRecord(stage.ToString()), new JObject
        {
            ["stage"] = stage.ToString(),
            ["succeeded"] = succeeded,
            ["summary"] = summary,
            ["finishedUtc"] = DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture),
        }.ToString(Formatting.Indented));
        AtomicFile.WriteAllText(vendor.StageSummary(stage.ToString()), summary.ReplaceLineEndings(" ") + "\n");
        return new VendorStageOutcome(succeeded, diagnostics, summary);
    }
}
