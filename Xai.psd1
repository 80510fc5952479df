@{
    # The Xai PowerShell module: flashes boards, runs FP and FP+BP benchmarks and gathers
    # utilization and latency reports as objects. Binary module over the Xai core library.
    # ./build.sh publishes the binary module into bin/; the module package keeps the same layout
    # (Xai.psd1, bin/, boards/), so this one manifest serves the repository and an installed module.
    # A nested module rather than RootModule: PowerShell looks for a binary module's MAML help
    # (Xai.PowerShell.dll-Help.xml) in that module's own folder, which is then bin/.
    NestedModules        = @('bin/Xai.PowerShell.dll')
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0c7a52-3d0e-4b8e-9a57-2f4e1c9b7d31'
    Author               = 'Xai SDK team'
    Description          = 'Explainable AI on edge FPGAs: flash boards, run forward and attribution benchmarks, gather reports.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('bin/Xai.Format.ps1xml')
    # Must equal the cmdlets compiled into Xai.PowerShell.dll (the offline Pester suite checks it).
    CmdletsToExport      = @(
        'Connect-XaiBoard'
        'Disconnect-XaiBoard'
        'Get-XaiBoard'
        'Get-XaiBuild'
        'Get-XaiUtilization'
        'Install-XaiBitstream'
        'Invoke-XaiAttribution'
        'Invoke-XaiBenchmark'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags = @('FPGA', 'HLS', 'XAI', 'Pynq', 'Ultra96', 'ZCU104')
        }
    }
}
