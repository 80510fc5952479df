# Runs the Pester suites of this folder under the pinned pwsh, in this (child) process, so that the
# Xai module loaded by the tests never outlives the run. test.sh starts it; by hand:
#   dotnet tool run pwsh -NoProfile -File tests/Xai.PowerShell.Tests/Invoke-XaiPester.ps1 -PesterModule <path> -ResultsDirectory artifacts/test-results
# Prints one line "pester: N passed, N failed, N skipped" that test.sh adds to its total.
param(
    [Parameter(Mandatory)] [string] $PesterModule,
    [Parameter(Mandatory)] [string] $ResultsDirectory,
    # The lab inventory the Hardware suite runs against; none means the Hardware suite has no boards.
    [string] $Inventory = '',
    [string[]] $ExcludeTag = @()
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterModule -Force
New-Item -ItemType Directory -Force $ResultsDirectory | Out-Null

$env:XAI_LAB_INVENTORY = $Inventory
$config = New-PesterConfiguration
$config.Run.Path = $PSScriptRoot
$config.Run.PassThru = $true
$config.Filter.ExcludeTag = $ExcludeTag
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'JUnitXml'
$config.TestResult.OutputPath = Join-Path $ResultsDirectory 'pester.junit.xml'
$result = Invoke-Pester -Configuration $config

# Discovery or a BeforeAll that fails counts as a failure, not as zero tests.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
"pester: $($result.PassedCount) passed, $failed failed, $($result.SkippedCount) skipped"
