namespace Xai.Deployment;

/// <summary>How the host reaches the board.</summary>
public enum BoardTransport
{
    /// <summary>SSH to the board's Linux (PYNQ image): copy, load with PYNQ, run the runner.</summary>
    Ssh,

    /// <summary>Program the PL through Vivado's hardware manager (openFPGALoader on the Pynq-Z2); nothing runs on the board's CPU.</summary>
    Jtag,
}
