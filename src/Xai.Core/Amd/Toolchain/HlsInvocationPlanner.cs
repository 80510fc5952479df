using Xai.Amd.Scripts;

namespace Xai.Amd.Toolchain;

/// <summary>
/// The command lines that run the HLS steps with a chosen <see cref="HlsToolchain"/>.
/// Classic: one run of the generated Tcl script (<c>vitis_hls -f script.tcl -l log</c>, or
/// <c>vitis-run --mode hls --tcl script.tcl</c> where vitis_hls is gone). Unified: one run per step,
/// in order (<c>vitis-run --csim</c>, <c>v++ -c</c>, <c>vitis-run --cosim</c>, <c>vitis-run --package</c>),
/// each with <c>--config hls_config.cfg --work_dir &lt;component&gt;</c>.
/// </summary>
public static class HlsInvocationPlanner
{
    /// <param name="toolchain">The chosen tools.</param>
    /// <param name="spec">The project (steps, names).</param>
    /// <param name="workingDirectory">Where the tools run; the project/component folder is created here.</param>
    /// <param name="scriptOrConfig">The generated Tcl script (classic) or hls_config.cfg (unified).</param>
    public static IReadOnlyList<ToolInvocation> Plan(HlsToolchain toolchain, HlsProjectSpec spec, string workingDirectory, string scriptOrConfig)
    {
        var work = Path.GetFullPath(workingDirectory);
        var input = Path.GetFullPath(scriptOrConfig);
        var layout = HlsOutputLayout.For(toolchain.Flow, work, spec);

        if (toolchain.Flow == HlsFlow.Classic)
        {
            var runner = toolchain.TclRunner ?? throw new ArgumentException("A classic toolchain needs a Tcl runner.", nameof(toolchain));
            var log = Path.Combine(work, spec.ProjectName + ".vitis_hls.log");
            IReadOnlyList<string> arguments = runner.Tool == VendorTool.VitisHls
                ? ["-f", input, "-l", log]
                : ["--mode", "hls", "--tcl", input];
            return [new ToolInvocation($"Vitis HLS ({spec.Steps})", runner.ExecutablePath!, arguments, work,
                runner.Tool == VendorTool.VitisHls ? log : null, layout.ExpectedOutputs(spec.Steps))];
        }

        var compiler = toolchain.Compiler?.ExecutablePath ?? throw new ArgumentException("A unified toolchain needs v++.", nameof(toolchain));
        var run = toolchain.Runner?.ExecutablePath ?? throw new ArgumentException("A unified toolchain needs vitis-run.", nameof(toolchain));
        var component = Path.Combine(work, spec.ProjectName);
        IReadOnlyList<string> Common() => ["--config", input, "--work_dir", component];

        var plan = new List<ToolInvocation>();
        if (spec.Steps.HasFlag(HlsSteps.CSim))
        {
            plan.Add(new("C simulation", run, ["--mode", "hls", "--csim", .. Common()], work, null, layout.ExpectedOutputs(HlsSteps.CSim)));
        }

        if (spec.Steps.HasFlag(HlsSteps.CSynth))
        {
            plan.Add(new("C synthesis", compiler, ["-c", "--mode", "hls", .. Common()], work,
                Path.Combine(component, "logs", "hls_compile.log"), layout.ExpectedOutputs(HlsSteps.CSynth)));
        }

        if (spec.Steps.HasFlag(HlsSteps.CoSim))
        {
            plan.Add(new("C/RTL co-simulation", run, ["--mode", "hls", "--cosim", .. Common()], work, null, layout.ExpectedOutputs(HlsSteps.CoSim)));
        }

        if (spec.Steps.HasFlag(HlsSteps.Export))
        {
            plan.Add(new("IP packaging", run, ["--mode", "hls", "--package", .. Common()], work, null, layout.ExpectedOutputs(HlsSteps.Export)));
        }

        return plan;
    }
}
