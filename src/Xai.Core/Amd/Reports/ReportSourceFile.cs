namespace Xai.Amd.Reports;

/// <summary>A report file that contributed to a <see cref="HardwareReport"/>.</summary>
public sealed record ReportSourceFile(string Path, ReportKind Kind);
