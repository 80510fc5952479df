namespace Xai.Stages;

/// <summary>
/// Diagnostic codes of the vendor stages in the build (range XAI5600-XAI5799). A tool that is not
/// found keeps the toolchain's XAI5502 (a warning when its stage is skipped, an error when the stage
/// was asked for); messages from a tool's log carry the tool's own code (e.g. <c>HLS207-3776</c>).
/// </summary>
public static class VendorBuildCodes
{
    /// <summary>XaiHardwareMethod names a method that is not among XaiMethods.</summary>
    public const string BadHardwareMethod = "XAI5600";

    /// <summary>XaiVendorStages holds a name other than Synthesize, CoSimulate, Bitstream.</summary>
    public const string BadVendorStages = "XAI5601";

    /// <summary>A boolean vendor property (XaiBuildInferenceVariant) is not true or false.</summary>
    public const string BadBoolean = "XAI5602";

    /// <summary>A stage is skipped because a stage it needs did not run (warning in a plain build).</summary>
    public const string UpstreamSkipped = "XAI5610";

    /// <summary>A requested stage cannot run: the outputs of the stage it needs are missing.</summary>
    public const string UpstreamMissing = "XAI5611";

    /// <summary>Co-simulation needs a testbench, and the testbench needs one simulated image.</summary>
    public const string NoTestbenchData = "XAI5620";

    /// <summary>The exported IP holds no x&lt;top&gt;_hw.h driver header.</summary>
    public const string DriverHeaderMissing = "XAI5630";

    /// <summary>A stage's reports could not be read into the hardware report (warning).</summary>
    public const string HardwareReportUnreadable = "XAI5640";

    /// <summary>A report names another top function or part than this design (warning): its figures are not this design's.</summary>
    public const string ReportForAnotherDesign = "XAI5641";

    /// <summary>A vendor tool could not be started.</summary>
    public const string ToolStartFailed = "XAI5650";

    /// <summary>A vendor tool was stopped because the build was cancelled.</summary>
    public const string ToolCancelled = "XAI5651";

    /// <summary>An ERROR line without a message id in a tool's output.</summary>
    public const string VendorErrorWithoutId = "XAI5690";

    /// <summary>A CRITICAL WARNING line without a message id.</summary>
    public const string VendorCriticalWarningWithoutId = "XAI5691";

    /// <summary>A WARNING line without a message id.</summary>
    public const string VendorWarningWithoutId = "XAI5692";
}
