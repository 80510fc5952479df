using System.Runtime.Serialization;

namespace Xai.Amd.Reports;

/// <summary>The Status column of a cosim report.</summary>
public enum CosimStatus
{
    /// <summary><c>NA</c>: this RTL language was not simulated.</summary>
    [EnumMember(Value = "NA")]
    NotRun,
    Pass,
    Fail,
}
