using System.Text.RegularExpressions;
using Xai.Amd.Scripts;
using Xai.Amd.Toolchain;
using Xai.CodeGeneration;
using Xai.Diagnostics;
using Xai.IO;
using Xai.Planning;
using Xai.Projects;

namespace Xai.Stages;

/// <summary>
/// Stage "Bitstream": the Vivado batch script for the board (PS with its preset, the exported HLS IP
/// of xai_top, AXI wiring from the board's ports), run with <c>vivado -mode batch</c>; the script
/// itself copies the .bit, .hwh (same base name, as PYNQ's Overlay wants) and .xsa into
/// <see cref="VendorLayout.VivadoOutputs"/>, and once the run is judged good the SDK copies them into the
/// output directory, each atomically (a failed, cancelled or remote run never leaves a partial set or
/// replaces the previous good one). Then the IP's register map header x&lt;top&gt;_hw.h is copied beside
/// them and the JTAG programming script is written (not run: programming needs the board).
/// </summary>
public static partial class BitstreamStage
{
    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")]
    private static partial Regex BaseName();

    /// <summary>The Vivado project of this build; its outputs take the project's name (table3.bit).</summary>
    public static VivadoDesignSpec Spec(ProjectSettings settings, HlsTopDesign top, string ipRepository, BuildLayout build, VendorLayout vendor)
    {
        var name = Path.GetFileNameWithoutExtension(settings.ProjectFile);
        return new VivadoDesignSpec
        {
            Board = settings.Board,
            IpRepositoryDirectory = ipRepository,
            Ip = HlsIpIdentity.DefaultFor(top.FunctionName),
            ControlInterface = top.ControlInterface,
            MasterInterfaces = top.MasterInterfaces,
            ClockMHz = settings.ClockMHz,
            ProjectDirectory = vendor.VivadoDirectory,
            OutputDirectory = vendor.VivadoOutputs,
            OutputBaseName = BaseName().IsMatch(name) ? name : "xai_accelerator",
        };
    }

    public static string ProgramScript(BuildLayout build, ProjectSettings settings) =>
        Path.Combine(build.OutputDirectory, $"program_{settings.Board.Id}.tcl");

    /// <summary>The Vivado run of this build, its script written, and what it leaves.</summary>
    public sealed record Prepared(ToolInvocation Invocation, VivadoDesignSpec Spec, HlsOutputLayout HlsLayout, HlsTopDesign Top, string ProducedBy);

    /// <param name="requireIp">
    /// False when the run is submitted before the Synthesize job that exports the IP has ended (a Slurm job chained after it):
    /// the IP is then checked when the run starts, by Vivado.
    /// </param>
    public static Prepared Prepare(DesignPlan plan, ProjectSettings settings, VendorToolSet tools, BuildLayout build, VendorLayout vendor, bool requireIp = true)
    {
        var vivado = tools.Vivado ?? throw new XaiException(DiagnosticCatalog.ToolNotFound, $"Bitstream needs Vivado: {tools.VivadoProblem}", settings.ProjectFile);
        var hls = tools.Hls ?? throw new XaiException(DiagnosticCatalog.ToolNotFound, $"Bitstream needs the HLS IP, and the HLS tools were not found: {tools.HlsProblem}", settings.ProjectFile);
        var sources = HlsSourcesStage.Load(plan, vendor);
        var top = sources.Tops[0];
        var hlsLayout = HlsOutputLayout.For(hls.Flow, vendor.WorkingDirectory, new HlsProjectSpec
        {
            ProjectName = top.FunctionName,
            TopFunction = top.FunctionName,
            SourceFiles = [top.SourceFileName],
            Part = settings.Board.Part,
            ClockPeriodNs = 1000.0 / settings.ClockMHz,
        });
        if (requireIp && !File.Exists(hlsLayout.IpComponent))
        {
            throw new XaiException(DiagnosticCatalog.UpstreamMissing,
                $"Bitstream needs the exported HLS IP ({hlsLayout.IpComponent}), which is missing: run the Synthesize stage first (dotnet build -t:Synthesize).", hlsLayout.IpComponent);
        }

        var spec = Spec(settings, top, hlsLayout.IpDirectory, build, vendor);
        AtomicFile.WriteAllTextIfChanged(vendor.VivadoScript, VivadoBlockDesignScriptWriter.Write(spec));
        foreach (var output in spec.ExpectedOutputs.Where(File.Exists))
        {
            File.Delete(output); // an earlier run's must not pass for this run's
        }

        var invocation = new ToolInvocation($"Vivado bitstream ({settings.Board.Id})", vivado.ExecutablePath!,
            ["-mode", "batch", "-notrace", "-nojournal", "-log", vendor.VivadoLog, "-source", vendor.VivadoScript],
            vendor.WorkingDirectory, vendor.VivadoLog, spec.ExpectedOutputs);
        return new Prepared(invocation, spec, hlsLayout, top, tools.VivadoDescription!);
    }

    public static VendorStageOutcome Run(
        DesignPlan plan, ProjectSettings settings, VendorToolSet tools, BuildLayout build, VendorLayout vendor,
        Action<ToolInvocation, string> onLine, CancellationToken cancel, ToolExecutor? executor = null)
    {
        var run = Prepare(plan, settings, tools, build, vendor);
        var result = VendorRun.Execute(run.Invocation, line => onLine(run.Invocation, line), cancel, executor);
        return Complete(run, result, plan, settings, tools, build, vendor);
    }

    /// <summary>After the Vivado run ended: on success copies the driver header, writes the board runner and the JTAG script, and reads the reports; records the stage either way.</summary>
    public static VendorStageOutcome Complete(
        Prepared run, VendorRun.Result result, DesignPlan plan, ProjectSettings settings, VendorToolSet tools, BuildLayout build, VendorLayout vendor)
    {
        var (invocation, spec, hlsLayout, top, producedBy) = run;
        var diagnostics = new List<XaiDiagnostic>(result.Diagnostics);
        if (!result.Succeeded)
        {
            return HlsStage.Finish(VendorStage.Bitstream, vendor, false, diagnostics, $"failed: {invocation.Description} ({producedBy})");
        }

        var published = spec.ExpectedOutputs.Select(f => Path.Combine(build.OutputDirectory, Path.GetFileName(f))).ToList();
        foreach (var (made, target) in spec.ExpectedOutputs.Zip(published))
        {
            AtomicFile.Copy(made, target);
        }

        var header = FindDriverHeader(hlsLayout.SolutionDirectory, top.DriverHeaderName);
        if (header is null)
        {
            diagnostics.Add(XaiDiagnostic.Warning(DiagnosticCatalog.DriverHeaderMissing,
                $"The exported IP holds no {top.DriverHeaderName} under {Path.Combine(hlsLayout.SolutionDirectory, "impl")}; read the register offsets from the .hwh instead.",
                hlsLayout.SolutionDirectory));
        }
        else
        {
            File.Copy(header, Path.Combine(build.OutputDirectory, top.DriverHeaderName), overwrite: true);
        }

        BoardRunnerWriter.Write(plan, build, settings.TargetClass);

        AtomicFile.WriteAllTextIfChanged(ProgramScript(build, settings), JtagProgramScriptWriter.Write(new JtagProgramSpec { Board = settings.Board, BitFile = published[0] }));
        diagnostics.AddRange(HardwareCollection.Save(vendor, top.FunctionName, settings.Board.Part,
            [vendor.HlsProjectDirectory(top), vendor.VivadoDirectory], VendorStage.Bitstream, $"{tools.HlsDescription}; {producedBy}"));
        return HlsStage.Finish(VendorStage.Bitstream, vendor, true, diagnostics,
            $"{producedBy}: {Path.GetFileName(spec.BitFile)}, {Path.GetFileName(spec.HwhFile)}, {Path.GetFileName(spec.XsaFile)}, {(header is null ? "" : top.DriverHeaderName + ", ")}{Path.GetFileName(ProgramScript(build, settings))}");
    }

    /// <summary>x&lt;top&gt;_hw.h of the exported IP: <c>impl/ip/drivers/...</c> or <c>impl/misc/drivers/...</c>, whichever the release wrote.</summary>
    public static string? FindDriverHeader(string solutionDirectory, string fileName)
    {
        var impl = Path.Combine(solutionDirectory, "impl");
        if (!Directory.Exists(impl))
        {
            return null;
        }

        return Directory.EnumerateFiles(impl, fileName, SearchOption.AllDirectories)
            .OrderBy(p => p.Contains(Path.Combine("ip", "drivers"), StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(p => p, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
