using Xai.Diagnostics;
using Xai.Slurm;

namespace Xai.Core.Tests.Slurm;

/// <summary>XaiExecutor and XaiSlurm* validation, and the job script's text (no cluster needed).</summary>
public sealed class SlurmOptionsTests
{
    private static (ExecutorSettings? Settings, List<XaiDiagnostic> Diagnostics) Parse(
        string executor = "Slurm", string partition = "", string account = "", string time = "", string memory = "", string cpus = "", string licenses = "", string extra = "", string bin = "", string poll = "")
    {
        var diagnostics = new List<XaiDiagnostic>();
        return (ExecutorSettings.Parse(executor, partition, account, time, memory, cpus, licenses, extra, bin, poll, "/p/a.xaiproj", diagnostics), diagnostics);
    }

    [Theory]
    [InlineData("", "Local")]
    [InlineData("local", "Local")]
    [InlineData("Slurm", "Slurm")]
    [InlineData("auto", "Slurm")] // falling back to Local when Slurm is missing (below)
    public void The_executor_is_Local_by_default(string value, string expected) =>
        Assert.Equal(expected, Parse(executor: value).Settings!.Kind.ToString());

    [Fact]
    public void Good_values_become_sbatch_options()
    {
        var (settings, diagnostics) = Parse(partition: "fpga", account: "lab-1", time: "1-04:00:00", memory: "32G", cpus: "8", licenses: "vivado:1,vitis", extra: "--qos=long; --exclusive");
        Assert.Empty(diagnostics);
        Assert.Equal(
            new[] { "--partition=fpga", "--account=lab-1", "--time=1-04:00:00", "--mem=32G", "--cpus-per-task=8", "--licenses=vivado:1,vitis", "--qos=long", "--exclusive" },
            settings!.Slurm!.SbatchOptions());
    }

    [Theory]
    [InlineData("executor", "Cluster", "XaiExecutor", "Auto (Slurm when sbatch is found")]
    [InlineData("time", "4 hours", "XaiSlurmTime", "HH:MM:SS")]
    [InlineData("memory", "32GB", "XaiSlurmMemory", "K, M, G or T")]
    [InlineData("cpus", "0", "XaiSlurmCpus", "at least 1")]
    [InlineData("licenses", "vivado 1", "XaiSlurmLicenses", "name[:count]")]
    [InlineData("partition", "debug\n#SBATCH --uid=0", "XaiSlurmPartition", "a partition name")]
    [InlineData("account", "a;b", "XaiSlurmAccount", "an account name")]
    [InlineData("extra", "--qos=x y", "XaiSlurmExtraArgs", "without white space")]
    [InlineData("extra", "qos=long", "XaiSlurmExtraArgs", "--name=value")]
    [InlineData("extra", "--output=/tmp/x", "XaiSlurmExtraArgs", "other than those the SDK sets itself")]
    [InlineData("extra", "-D", "XaiSlurmExtraArgs", "other than those the SDK sets itself")]
    [InlineData("extra", "--qos=a#b", "XaiSlurmExtraArgs", "'#'")]
    [InlineData("partition", "packjob", "XaiSlurmPartition", "a partition name")]
    [InlineData("poll", "0", "XaiSlurmPollSeconds", "0.05 to 3600")]
    public void A_bad_value_is_XAI5701_naming_the_property_and_what_is_allowed(string which, string value, string property, string allowed)
    {
        var (settings, diagnostics) = which switch
        {
            "executor" => Parse(executor: value),
            "time" => Parse(time: value),
            "memory" => Parse(memory: value),
            "cpus" => Parse(cpus: value),
            "licenses" => Parse(licenses: value),
            "partition" => Parse(partition: value),
            "account" => Parse(account: value),
            "poll" => Parse(poll: value),
            _ => Parse(extra: value),
        };
        Assert.Null(settings);
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCatalog.BadSlurmProperty, d.Code);
        Assert.Contains($"'{property}'", d.Message);
        Assert.Contains(allowed, d.Message);
        Assert.DoesNotContain('\n', d.Message);
    }

    [Fact]
    public void Without_sbatch_a_Slurm_build_stops_with_XAI5700_saying_how_to_point_at_it()
    {
        var empty = Directory.CreateTempSubdirectory("xai-no-slurm").FullName;
        var (settings, _) = Parse(bin: empty);
        var diagnostics = new List<XaiDiagnostic>();
        Assert.Null(settings!.For("proj", "Synthesize", "/p/a.xaiproj", diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCatalog.SlurmNotFound, d.Code);
        Assert.Contains("XaiSlurmBinDirectory", d.Message);
        Assert.Contains(empty, d.Message);
    }

    [Fact]
    public void Under_Auto_without_sbatch_the_stage_runs_here_with_warning_XAI5704_and_with_sbatch_on_Slurm()
    {
        var empty = Directory.CreateTempSubdirectory("xai-no-slurm").FullName;
        var (settings, parsed) = Parse(executor: "Auto", partition: "fpga", bin: empty);
        Assert.Empty(parsed);
        var diagnostics = new List<XaiDiagnostic>();
        Assert.Same(Xai.Amd.Toolchain.ToolExecutor.Local, settings!.For("proj", "Synthesize", "/p/a.xaiproj", diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCatalog.SlurmNotFoundRunningLocally, DiagnosticSeverity.Warning), (d.Code, d.Severity));
        Assert.StartsWith("Synthesize runs on this machine: ", d.Message, StringComparison.Ordinal);
        Assert.Contains($"sbatch is not in XaiSlurmBinDirectory '{empty}'", d.Message);
        Assert.Contains("XaiExecutor=Slurm makes a missing Slurm an error", d.Message);

        // Commands that exist (they are only looked for here, not run): Auto is Slurm.
        foreach (var command in SlurmCommands.Commands)
        {
            File.WriteAllText(Path.Combine(empty, command), "#!/bin/sh\nexit 1\n");
        }

        diagnostics.Clear();
        Assert.IsType<SlurmToolExecutor>(settings.For("proj", "Synthesize", "/p/a.xaiproj", diagnostics));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void The_script_names_the_job_and_its_stamp_changes_with_what_it_runs()
    {
        var invocation = new Xai.Amd.Toolchain.ToolInvocation("C synthesis", "/opt/tool", ["-f", "it's.tcl"], "/w d", null, []);
        var options = new SlurmOptions(Partition: "fpga", Time: "4:00:00");
        var (text, stamp) = SlurmJobScript.Write(invocation, options, "xai.p.Synthesize.x", "xai.p.Synthesize.x.out");
        Assert.Contains("#SBATCH --job-name=xai.p.Synthesize.x\n", text);
        Assert.Contains($"#SBATCH --comment=xai:{stamp}\n", text);
        Assert.Contains("#SBATCH --partition=fpga\n#SBATCH --time=4:00:00\n", text);
        Assert.Contains("#SBATCH --no-requeue\n", text);
        Assert.Contains("cd '/w d' || exit 1\n'/opt/tool' '-f' 'it'\\''s.tcl'\nstatus=$?\n", text);
        // The job's exit status agrees with the build's verdict (jobs chained after it start only on 0).
        Assert.Contains("grep -qE '^[[:space:]]*(ERROR|ERR):' '/w d/xai.p.Synthesize.x.out'", text);
        Assert.EndsWith("exit $status\n", text, StringComparison.Ordinal);
        Assert.Equal("xai.pack-job.het-job", SlurmJobScript.SafeName("xai", "packjob", "HetJob").ToLowerInvariant());
        var (_, other) = SlurmJobScript.Write(invocation with { Arguments = ["-f", "other.tcl"] }, options, "xai.p.Synthesize.x", "xai.p.Synthesize.x.out");
        Assert.NotEqual(stamp, other);
        Assert.Throws<ArgumentException>(() => SlurmJobScript.Write(invocation, options, "bad name", "x.out"));
    }

    [Fact]
    public void Scontrols_one_line_job_description_is_parsed()
    {
        var job = SlurmJobInfo.Parse("JobId=42 JobName=xai.p.Synthesize.x UserId=root(0) JobState=OUT_OF_MEMORY Reason=OutOfMemory Dependency=(null) RunTime=00:01:02 NodeList=n7 ExitCode=0:125")!;
        Assert.Equal(("42", "OUT_OF_MEMORY", "OutOfMemory", "n7", "00:01:02", 0, 125), (job.Id, job.State, job.Reason, job.Nodes, job.RunTime, job.ExitCode, job.Signal));
        Assert.True(job.IsTerminal);
        Assert.False(SlurmJobInfo.Parse("JobId=43 JobState=PENDING Reason=Resources NodeList=(null) ExitCode=0:0")!.IsTerminal);
        Assert.Null(SlurmJobInfo.Parse("slurm_load_jobs error: Invalid job id specified"));
    }
}
