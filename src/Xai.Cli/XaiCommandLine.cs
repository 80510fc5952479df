using System.CommandLine;
using Xai.Amd.Reports;
using Xai.Diagnostics;

namespace Xai.Cli;

/// <summary>
/// The <c>xai</c> commands. Exit codes: 0 success, 1 bad input (a coded diagnostic on stderr in MSBuild
/// form, <c>path: error XAI5xxx: message</c>), 2 usage error.
/// </summary>
public static class XaiCommandLine
{
    public const int Success = 0;
    public const int InputError = 1;
    public const int UsageError = 2;

    /// <summary>Runs the command line with explicit writers so hosts and tests can capture the output.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("Xai SDK: CNN to FPGA accelerator with attribution heatmaps.");
        root.Subcommands.Add(ReportCommand(stdout, stderr));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"xai: {error.Message}");
            }

            stderr.WriteLine("Run 'xai --help' for usage.");
            return UsageError;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private static Command ReportCommand(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path")
        {
            Description = "A report file (csynth.xml, *_cosim.rpt, export report, Vivado utilization or timing summary, HLS log) or a build directory to search.",
        };
        var command = new Command("report", "Print the hardware report (resources, latency, clock, slack) of a build as JSON.") { path };
        command.SetAction(result =>
        {
            var target = result.GetValue(path)!;
            try
            {
                var report = HardwareReportCollector.Collect(target);
                foreach (var warning in report.Warnings)
                {
                    stderr.WriteLine(warning.ToString());
                }

                stdout.WriteLine(report.ToJson());
                return Success;
            }
            catch (XaiException e)
            {
                foreach (var diagnostic in e.Diagnostics)
                {
                    stderr.WriteLine(diagnostic.ToString());
                }
                return InputError;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Reaching here is a bug in a parser; still answer in the coded form hosts expect.
                stderr.WriteLine(XaiDiagnostic.Error(DiagnosticCatalog.ReportInternalError, $"internal error while reading reports ({e.GetType().Name}: {e.Message}); please report this with the file.", target));
                return InputError;
            }
        });
        return command;
    }
}
