@{
    # The Xai PowerShell module: flashes boards, runs FP and FP+BP benchmarks and gathers
    # utilization and latency reports as objects. Binary module over the Xai core library.
    RootModule           = 'Xai.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0c7a52-3d0e-4b8e-9a57-2f4e1c9b7d31'
    Author               = 'Xai SDK team'
    Description          = 'Explainable AI on edge FPGAs: flash boards, run forward and attribution benchmarks, gather reports.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    # No cmdlet is shipped yet; each one is added here as it is compiled into Xai.PowerShell.dll.
    CmdletsToExport      = @()
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags = @('FPGA', 'HLS', 'XAI', 'Pynq', 'Ultra96', 'ZCU104')
        }
    }
}
