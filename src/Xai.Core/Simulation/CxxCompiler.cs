using System.Text.RegularExpressions;
using Xai.Diagnostics;

namespace Xai.Simulation;

/// <summary>
/// Compiles the C-simulation program with g++ (or the compiler the project names). Compiler
/// errors become coded diagnostics pointing at the generated file and line, so the IDE jumps
/// to them; a missing compiler says how to install or name one.
/// </summary>
public sealed partial class CxxCompiler(string compiler)
{
    public string Compiler { get; } = string.IsNullOrWhiteSpace(compiler) ? "g++" : compiler;

    public void Compile(string source, string output, IEnumerable<string> includeDirectories, IEnumerable<string> defines, CancellationToken cancel)
    {
        var args = new List<string> { "-std=c++17", "-O2", "-w" };
        // The simulation runs where it is compiled, so it may use this machine's vector units (the integer
        // MACs are exact whatever the instructions; products are not fused into FMAs, so the float profile's
        // results do not depend on the machine either).
        if (System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture is System.Runtime.InteropServices.Architecture.X64 or System.Runtime.InteropServices.Architecture.Arm64)
        {
            args.AddRange(["-march=native", "-ffp-contract=off"]);
        }

        args.AddRange(includeDirectories.Select(d => "-I" + d));
        args.AddRange(defines.Select(d => "-D" + d));
        args.AddRange(["-o", output + ".tmp", source]);
        var run = ProcessRunner.Run(Compiler, args, Path.GetDirectoryName(Path.GetFullPath(source))!, cancel)
            ?? throw new XaiException(DiagnosticCatalog.CompilerNotFound, $"The C++ compiler '{Compiler}' was not found; C simulation needs it. Install g++ (apt-get install g++) or set XaiCxx to a compiler's path.");
        if (run.ExitCode != 0)
        {
            var first = CompilerError().Matches(run.StandardError).FirstOrDefault();
            if (first is not null)
            {
                throw new XaiException(XaiDiagnostic.Error(
                    DiagnosticCatalog.CSimDoesNotCompile,
                    $"C simulation does not compile: {first.Groups["message"].Value.Trim()}",
                    first.Groups["file"].Value,
                    int.Parse(first.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(first.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture)));
            }

            throw new XaiException(DiagnosticCatalog.CSimDoesNotCompile, $"C simulation does not compile ({Compiler} exit {run.ExitCode}): {Tail(run.StandardError)}", source);
        }

        File.Move(output + ".tmp", output, overwrite: true);
    }

    private static string Tail(string text)
    {
        var lines = text.Trim().Split('\n');
        return string.Join(" | ", lines.Skip(Math.Max(0, lines.Length - 5)));
    }

    [GeneratedRegex(@"^(?<file>[^:\n]+):(?<line>\d+):(?<col>\d+):\s+(fatal )?error:\s*(?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex CompilerError();
}
