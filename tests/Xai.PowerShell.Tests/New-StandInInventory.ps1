# Writes a lab inventory with one entry: the loopback board stand-in (tests/board-standin), so that
# the Hardware suite runs in CI exactly as it runs against a real lab's inventory.
#   New-StandInInventory.ps1 -StandIn <dir>/standin.json -Build samples/table3 -Inventory <out.json>
# The stand-in has no programmable logic and this machine has no Vivado, so the build is copied and
# given a TEST-MADE .bit (a real-format header for the board's part, filler data) and .hwh: enough
# for the install path (part checks, staged copy, SHA-256, atomic switch, fpga_manager files), never
# loaded into a real FPGA. Benchmarks on the stand-in run the runner's csim backend.
param(
    [Parameter(Mandatory)] [string] $StandIn,
    [Parameter(Mandatory)] [string] $Build,
    [Parameter(Mandatory)] [string] $Inventory
)
$ErrorActionPreference = 'Stop'
$repo = (Resolve-Path "$PSScriptRoot/../..").Path
Import-Module "$repo/Xai.psd1"
$s = Get-Content -Raw $StandIn | ConvertFrom-Json
$board = Get-XaiBoard $s.boardId
$source = Get-XaiBuild $Build
if (-not $source.Runner) { throw "$Build has no board-side runner ($($source.Path)/board); build it first: ./build.sh" }

$copy = Join-Path (Split-Path -Parent $Inventory) 'standin-build'
Remove-Item -Recurse -Force $copy -ErrorAction Ignore
Copy-Item -Recurse $source.Path $copy

# .bit header as Vivado writes it (UG470 / the reference notes): preamble, fields a-d, e = data length.
$partField = ($board.Part -replace '^xc', '') -replace '-\d+(-[a-z])?$', ''   # xc7z020clg400-1 -> 7z020clg400
$bytes = [System.Collections.Generic.List[byte]]::new()
function Add-U16([int] $v) { $bytes.Add([byte](($v -shr 8) -band 0xff)); $bytes.Add([byte]($v -band 0xff)) }
function Add-Field([char] $key, [string] $text) {
    $bytes.Add([byte]$key); $t = [Text.Encoding]::ASCII.GetBytes($text + "`0"); Add-U16 $t.Length; $bytes.AddRange($t)
}
Add-U16 9; $bytes.AddRange([byte[]](0x0f, 0xf0, 0x0f, 0xf0, 0x0f, 0xf0, 0x0f, 0xf0, 0x00)); Add-U16 1
Add-Field 'a' 'xai_standin_test_made;UserID=0XFFFFFFFF;Version=none'
Add-Field 'b' $partField
Add-Field 'c' (Get-Date -Format 'yyyy/MM/dd')
Add-Field 'd' (Get-Date -Format 'HH:mm:ss')
$bytes.Add([byte][char]'e'); $bytes.AddRange([byte[]](0, 0, 1, 0)); $bytes.AddRange([byte[]]::new(256))
$stem = 'xai_standin'
[IO.File]::WriteAllBytes("$copy/$stem.bit", $bytes.ToArray())

$device = ($board.Part -replace '^xc', '') -replace '-?(clg|sbva|ffvc).*$', ''
$package = [regex]::Match($board.Part, '(clg|sbva|ffvc)\d+').Value
$speed = [regex]::Match($board.Part, '-\d+(-[a-z])?$').Value
$family = if ($board.Family -eq 'zynq') { 'zynq' } else { 'zynquplus' }
@"
<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<!-- TEST-MADE for the board stand-in (not written by Vivado): only the elements PYNQ and the SDK read. -->
<EDKSYSTEM EDWVERSION="1.2" TIMESTAMP="$(Get-Date -Format r)" VIVADOVERSION="none">
  <SYSTEMINFO ARCH="$family" BOARD="$($board.BoardPart)" DEVICE="$device" NAME="design_1" PACKAGE="$package" SPEEDGRADE="$speed"/>
  <MODULES>
    <MODULE FULLNAME="/$($board.ProcessingSystem.Ip)_0" INSTANCE="$($board.ProcessingSystem.Ip)_0" IPTYPE="PERIPHERAL" MODCLASS="PROCESSOR" MODTYPE="$($board.ProcessingSystem.Ip)"/>
    <MODULE FULLNAME="/xai_top_0" INSTANCE="xai_top_0" IPTYPE="PERIPHERAL" MODCLASS="PERIPHERAL" MODTYPE="xai_top"/>
  </MODULES>
</EDKSYSTEM>
"@ | Set-Content "$copy/$stem.hwh"

# Baselines: what the csim backend measured on this kind of machine (see standin-baseline.json);
# the tolerance is wide because the CI machine is shared and a csim time is no board latency.
$baseline = Get-Content -Raw "$PSScriptRoot/standin-baseline.json" | ConvertFrom-Json
[ordered]@{
    schema = 'xai-lab-inventory/1'
    boards = @([ordered]@{
        name = "standin-$($s.boardId)"
        board = $s.boardId
        host = $s.host
        port = $s.port
        user = $s.user
        transport = 'Ssh'
        keyFile = $s.keyFile
        knownHostsFile = $s.knownHostsFile
        build = $copy
        images = @((Get-ChildItem "$repo/samples/table3/images/*.png" | Select-Object -First 2).FullName)
        iterations = $baseline.iterations
        warmup = $baseline.warmup
        baselineMs = $baseline.baselineMs
        tolerance = $baseline.tolerance
        standInRoot = $s.root
    })
} | ConvertTo-Json -Depth 6 | Set-Content $Inventory
"inventory: $Inventory"
