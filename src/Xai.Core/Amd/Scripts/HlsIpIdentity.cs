namespace Xai.Amd.Scripts;

/// <summary>
/// The VLNV under which Vitis HLS packages the accelerator and Vivado finds it. Vitis HLS's
/// default is <c>xilinx.com:hls:&lt;top&gt;:1.0</c>.
/// </summary>
public sealed record HlsIpIdentity(string Vendor, string Library, string Name, string Version)
{
    public static HlsIpIdentity DefaultFor(string topFunction) => new("xilinx.com", "hls", topFunction, "1.0");

    public string Vlnv => $"{Vendor}:{Library}:{Name}:{Version}";

    public bool IsDefaultFor(string topFunction) => this == DefaultFor(topFunction);
}
