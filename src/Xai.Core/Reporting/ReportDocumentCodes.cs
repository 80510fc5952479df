namespace Xai.Reporting;

/// <summary>Diagnostic codes for reading the SDK's own documents: report.json, plan.json and the stage files report.json is assembled from (XAI3500–XAI3519).</summary>
public static class ReportDocumentCodes
{
    /// <summary>The document does not exist (not built yet, or deleted).</summary>
    public const string Missing = "XAI3500";

    /// <summary>report.json is not JSON, or a key of <c>xai-report/1</c> is missing or of the wrong type.</summary>
    public const string ReportUnreadable = "XAI3501";

    /// <summary>report.json names a schema other than <c>xai-report/1</c> (e.g. a newer SDK's).</summary>
    public const string UnknownSchema = "XAI3502";

    /// <summary>plan.json is not JSON or does not fit its schema.</summary>
    public const string PlanUnreadable = "XAI3503";

    /// <summary>A file an earlier stage wrote under obj/ (csim.json, tools.json, hls-sources.json, hardware.&lt;top&gt;.json) does not fit: rebuild.</summary>
    public const string StageFileUnreadable = "XAI3504";
}
