namespace Xai.Core.Tests.Amd.Scripts;

/// <summary>
/// A strict reader of hls_config.cfg for tests: '#' comment lines, blank lines, <c>[section]</c>
/// headers, <c>key=value</c> lines; only keys documented for the unified HLS flow (UG1399/UG1702,
/// see shared/reference/vitis-vivado-flow.md 2.2). Anything else is an error.
/// </summary>
internal static class HlsConfigFile
{
    private static readonly HashSet<string> TopLevel = ["part", "platform", "freqhz"];

    private static readonly HashSet<string> Hls =
    [
        "flow_target", "clock", "clock_uncertainty", "syn.file", "syn.top", "syn.cflags", "syn.csimflags", "syn.file_cflags", "syn.file_csimflags",
        "syn.blackbox.file", "tb.file", "tb.cflags", "tb.file_cflags", "tb.file_csimflags",
        "csim.O", "csim.argv", "csim.clean", "csim.ldflags", "csim.mflags", "csim.setup", "csim.profile", "csim.code_analyzer",
        "cosim.O", "cosim.argv", "cosim.ldflags", "cosim.compiled_library_dir", "cosim.coverage", "cosim.disable_binary_tv",
        "cosim.disable_deadlock_detection", "cosim.disable_dependency_check", "cosim.enable_dataflow_profiling", "cosim.enable_fifo_sizing",
        "cosim.random_stall", "cosim.trace_level", "cosim.wave_debug", "cosim.tool", "cosim.rtl",
        "package.output.format", "package.output.file", "package.output.syn",
        "package.ip.vendor", "package.ip.library", "package.ip.name", "package.ip.version", "package.ip.display_name",
        "package.ip.description", "package.ip.taxonomy",
    ];

    /// <summary>Entries as (section, key, value), in file order; section is "" before any header.</summary>
    public static IReadOnlyList<(string Section, string Key, string Value)> Parse(string text)
    {
        var entries = new List<(string, string, string)>();
        var section = "";
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                Assert.True(line == "[hls]", $"line {number}: unknown section {line}");
                Assert.True(section == "", $"line {number}: second section");
                section = "hls";
                continue;
            }

            var equals = line.IndexOf('=');
            Assert.True(equals > 0, $"line {number}: not key=value: {line}");
            var key = line[..equals];
            var value = line[(equals + 1)..];
            Assert.True(key == key.Trim() && value.Length > 0 && value == value.Trim(), $"line {number}: stray whitespace or empty value: {line}");
            var known = section == "" ? TopLevel.Contains(key) : Hls.Contains(key) || key.StartsWith("syn.interface.", StringComparison.Ordinal);
            Assert.True(known, $"line {number}: key '{key}' is not documented for section '{section}'");
            entries.Add((section, key, value));
        }

        return entries;
    }
}
