namespace Xai.Amd.Reports;

/// <summary>
/// One loop of a csynth.xml's <c>SummaryOfLoopLatency</c> (the top's, or a module's under
/// <c>ModuleInformation</c>): the tool's schedule of it. A loop whose trip count depends on run-time
/// values gets <c>undef</c> or, with a LOOP_TRIPCOUNT pragma, the pragma's range (a bound, not a count).
/// </summary>
/// <param name="Name">The loop's label as the tool prints it (a label in the source, or <c>VITIS_LOOP_&lt;line&gt;_&lt;n&gt;</c>).</param>
/// <param name="Path">The labels from the outermost loop down, joined with '/'.</param>
/// <param name="TripCount">Iterations, min and max (<see cref="CycleRange.Avg"/> is null).</param>
/// <param name="Latency">Cycles of the whole loop, min and max.</param>
/// <param name="IterationLatency">Cycles of one iteration of a loop that is not pipelined.</param>
/// <param name="PipelineII">Initiation interval of a pipelined loop.</param>
/// <param name="PipelineDepth">Pipeline depth of a pipelined loop.</param>
public sealed record CsynthLoop(
    string Name,
    string Path,
    CycleRange TripCount,
    CycleRange Latency,
    long? IterationLatency,
    long? PipelineII,
    long? PipelineDepth);
