namespace Xai.Amd.Reports;

/// <summary>A clock from the Clock Summary of a Vivado timing report.</summary>
public sealed record ClockDefinition(string Name, double PeriodNs, double FrequencyMHz);
