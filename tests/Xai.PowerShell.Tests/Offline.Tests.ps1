# The Xai module without a board: manifest and cmdlet conventions, help, the board catalog, builds,
# utilization from real vendor report files (tests/Xai.Core.Tests/Fixtures), -WhatIf, error ids,
# and the module package in ./feed installed with Install-PSResource.

BeforeDiscovery {
    $script:Repo = (Resolve-Path "$PSScriptRoot/../..").Path
    # The manifest's list drives the per-cmdlet tests; the first test checks it equals the compiled cmdlets.
    $script:CmdletNames = (Import-PowerShellDataFile "$Repo/Xai.psd1").CmdletsToExport
}

BeforeAll {
    $script:Repo = (Resolve-Path "$PSScriptRoot/../..").Path
    $script:Fixtures = "$Repo/tests/Xai.Core.Tests/Fixtures"
    Import-Module "$Repo/Xai.psd1" -Force
    $script:Assembly = [Xai.PowerShell.XaiCmdlet].Assembly

    # The error a cmdlet writes, as a script would catch it.
    function script:Get-XaiErrorRecord([scriptblock] $Command) {
        $caught = $null
        try { & $Command -ErrorAction Stop | Out-Null } catch { $caught = $_ }
        $caught
    }

    # A build laid out as `dotnet build` leaves it (project, bin/<Configuration>/report.json,
    # obj/<Configuration>/xai); report.json holds the fields Get-XaiBuild reads, in schema xai-report/1.
    function script:New-TestBuild([string] $Root, [string[]] $Configurations = @('Debug'), [string] $Schema = 'xai-report/1') {
        New-Item -ItemType Directory -Force $Root | Out-Null
        Set-Content "$Root/test.xaiproj" '<Project Sdk="Xai.Sdk" />'
        foreach ($c in $Configurations) {
            New-Item -ItemType Directory -Force "$Root/bin/$c", "$Root/obj/$c/xai/vendor" | Out-Null
            @{
                schema = $Schema; project = 'test.xaiproj'; board = 'pynq-z2'; part = 'xc7z020clg400-1'
                methods = @('Saliency', 'GuidedBackprop'); numerics = 'PerTensor'
                csim = @{ images = 3; accuracy = 0.5 }
                stages = @{ CSim = 'ran: bit-accurate C simulation with g++'; Synthesize = 'skipped: no tools' }
                hardware = $null
            } | ConvertTo-Json -Depth 5 | Set-Content "$Root/bin/$c/report.json"
        }
        $Root
    }

    # What the HLS and Bitstream stages record after they ran (Xai.Stages.HardwareCollection):
    # the folders their reports came from. The report files are real ones, copied into the layout.
    function script:Add-TestVendorReports([string] $Root) {
        $vendor = "$Root/obj/Debug/xai/vendor"
        $fpHls = New-Item -ItemType Directory -Force "$vendor/xai_top_fp/solution1/syn/report"
        Copy-Item "$Fixtures/fastmachinelearning__hls4ml__myproject_csynth.xml" "$fpHls/csynth.xml"
        $fpbpHls = New-Item -ItemType Directory -Force "$vendor/xai_top/solution1/syn/report"
        Copy-Item "$Fixtures/fastmachinelearning__hls4ml__myproject_csynth.xml" "$fpbpHls/csynth.xml"
        $vivado = New-Item -ItemType Directory -Force "$vendor/vivado/x.runs/impl_1"
        Copy-Item "$Fixtures/ARX-0__HLS-pynq__design_1_wrapper_utilization_placed.rpt" "$vivado/design_1_wrapper_utilization_placed.rpt"
        @{ top = 'xai_top_fp'; matchesDesign = $true; collectedFrom = @("$vendor/xai_top_fp") } | ConvertTo-Json | Set-Content "$vendor/hardware.xai_top_fp.json"
        @{ top = 'xai_top'; matchesDesign = $true; collectedFrom = @("$vendor/xai_top", "$vendor/vivado") } | ConvertTo-Json | Set-Content "$vendor/hardware.xai_top.json"
    }
}

Describe 'Module conventions' {
    It 'imports from the repository root manifest' {
        (Get-Module Xai).Path | Should -Be "$Repo/Xai.psd1"
    }

    It 'exports exactly the cmdlets compiled into Xai.PowerShell.dll' {
        $compiled = $Assembly.GetTypes() |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { "$($_.VerbName)-$($_.NounName)" }
        $manifest = (Import-PowerShellDataFile "$Repo/Xai.psd1").CmdletsToExport
        ($manifest | Sort-Object) | Should -Be ($compiled | Sort-Object)
        ((Get-Module Xai).ExportedCmdlets.Keys | Sort-Object) | Should -Be ($compiled | Sort-Object)
    }

    It 'uses only approved verbs (<_>)' -ForEach $CmdletNames {
        (Get-Verb).Verb | Should -Contain ($_ -split '-')[0]
    }

    It 'declares [OutputType] on <_>' -ForEach $CmdletNames {
        (Get-Command $_).OutputType | Should -Not -BeNullOrEmpty
    }

    It 'supports -WhatIf/-Confirm on every cmdlet that touches a board (<_>)' -ForEach $CmdletNames {
        $command = Get-Command $_
        $touchesBoard = $command.Parameters.Values.ParameterType.FullName -match '^Xai\.Deployment\.BoardSession' -or
            $command.OutputType.Type.FullName -contains 'Xai.Deployment.BoardSession'
        if (-not $touchesBoard) { Set-ItResult -Skipped -Because "$_ does not touch a board" }
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
    }

    It 'has a table view for the output of <_>' -ForEach $CmdletNames {
        foreach ($type in (Get-Command $_).OutputType.Type | Where-Object { $_ -ne [void] }) {
            $view = Get-FormatData -TypeName $type.FullName
            $view | Should -Not -BeNullOrEmpty -Because "$($type.FullName) needs a view in Xai.Format.ps1xml"
            $view.FormatViewDefinition.Control | Should -BeOfType ([System.Management.Automation.TableControl])
        }
    }
}

Describe 'Help of <_>' -ForEach $CmdletNames {
    BeforeAll {
        $script:Help = Get-Help $_ -Full
        $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $script:Parameters = (Get-Command $_).Parameters.Keys | Where-Object { $_ -notin $Common }
    }

    It 'has a synopsis from the MAML file' {
        # Without a help file Get-Help falls back to the syntax line as the synopsis.
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis | Should -Not -Match "^\s*$_ "
        $Help.description.Text | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        foreach ($name in $Parameters) {
            ($Help.parameters.parameter | Where-Object name -EQ $name).description.Text | Should -Not -BeNullOrEmpty -Because "-$name needs a description"
        }
    }

    It 'has at least one example' {
        @($Help.examples.example).Count | Should -BeGreaterOrEqual 1
        $Help.examples.example[0].code | Should -Match $_
    }
}

Describe 'Get-XaiBoard' {
    It 'returns one board per boards/*.json file' {
        $boards = Get-XaiBoard
        $boards.Count | Should -Be (Get-ChildItem "$Repo/boards/*.json").Count
        $boards[0] | Should -BeOfType ([Xai.Boards.Board])
    }

    It 'finds a board by name, ignoring case, and by wildcard' {
        (Get-XaiBoard PYNQ-Z2).Part | Should -Be 'xc7z020clg400-1'
        (Get-XaiBoard 'zcu*').Id | Should -Be 'zcu104'
    }

    It 'binds a board object by its Id from the pipeline' {
        (Get-XaiBoard zcu104 | Get-XaiBoard).Resources.Uram | Should -Be 96
    }

    It 'completes board names with Tab' {
        $line = 'Connect-XaiBoard -HostName h -Board ult'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('ultra96-v2')
    }

    It 'reports an unknown board as XAI7001 listing the valid names' {
        $e = Get-XaiErrorRecord { Get-XaiBoard nosuch }
        $e.FullyQualifiedErrorId | Should -BeLike 'XAI7001,*'
        $e.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $e.ErrorDetails.Message | Should -Match 'pynq-z2, ultra96-v2, zcu104'
    }
}

Describe 'Get-XaiBuild' {
    BeforeAll { $script:Build = New-TestBuild (Join-Path $TestDrive 'one') }

    It 'reads report.json from the project, its folder or its output folder alike' {
        foreach ($path in "$Build/test.xaiproj", $Build, "$Build/bin/Debug") {
            $b = Get-XaiBuild $path
            $b.Board | Should -Be 'pynq-z2'
            $b.Path | Should -Be "$Build/bin/Debug"
            $b.ProjectFile | Should -Be "$Build/test.xaiproj"
            $b.IntermediateDirectory | Should -Be "$Build/obj/Debug/xai"
        }
    }

    It 'gives the whole report as an object and the main facts as properties' {
        $b = Get-XaiBuild $Build
        $b.Methods | Should -Be @('Saliency', 'GuidedBackprop')
        $b.Images | Should -Be 3
        $b.Accuracy | Should -Be 0.5
        $b.Report.csim.images | Should -Be 3
        $b.Stages['CSim'] | Should -BeLike 'ran:*'
        $b.HasHardware | Should -BeFalse
    }

    It 'shows no bitstream or runner for a build without them' {
        $b = Get-XaiBuild $Build
        $b.Bitstream | Should -BeNullOrEmpty
        $b.Runner | Should -BeNullOrEmpty
    }

    It 'flows into Get-XaiUtilization by its Path' {
        $e = Get-XaiErrorRecord { Get-XaiBuild $Build | Get-XaiUtilization }
        $e.FullyQualifiedErrorId | Should -BeLike 'XAI7005,*'
    }

    It 'lists the Slurm jobs the vendor stages ran, from the record the build keeps' {
        $root = New-TestBuild (Join-Path $TestDrive 'slurm')
        $vendor = "$root/obj/Debug/xai/vendor"
        # Written by the SDK's own ledger, as SlurmToolExecutor writes it during a build.
        [Xai.Slurm.SlurmJobLedger]::Record($vendor, [Xai.Slurm.SlurmJobRecord]::new('Synthesize', 'xai.test.Synthesize.xai_top.ab12cd', '41', 'COMPLETED',
            'node7', '01:02:03', 0, "$vendor/x.sbatch", "$vendor/x.out", [datetime]::UtcNow))
        [Xai.Slurm.SlurmJobLedger]::Record($vendor, [Xai.Slurm.SlurmJobRecord]::new('Bitstream', 'xai.test.Bitstream.vivado.ef34ab', '42', 'TIMEOUT',
            'node8', '08:00:00', 0, "$vendor/y.sbatch", "$vendor/y.out", [datetime]::UtcNow.AddSeconds(1)))
        $jobs = (Get-XaiBuild $root).SlurmJobs
        $jobs.Id | Should -Be @('41', '42')
        $jobs[0].Stage | Should -Be 'Synthesize'
        $jobs[0].State | Should -Be 'COMPLETED'
        $jobs[0].Node | Should -Be 'node7'
        $jobs[0].Elapsed | Should -Be '01:02:03'
        $jobs[1].State | Should -Be 'TIMEOUT'
        (Get-XaiBuild $Build).SlurmJobs | Should -BeNullOrEmpty
    }

    It 'asks the scontrol of the build''s XaiSlurmBinDirectory about a job the record left running' -Skip:$IsWindows {
        $root = New-TestBuild (Join-Path $TestDrive 'slurm-bin')
        $vendor = "$root/obj/Debug/xai/vendor"
        # A stand-in scontrol where the build found Slurm (not on PATH): it answers as Slurm's 'scontrol -o show job' does.
        $bin = Join-Path $TestDrive 'slurm-bin-dir'
        New-Item -ItemType Directory $bin | Out-Null
        Set-Content "$bin/scontrol" "#!/bin/sh`necho 'JobId=43 JobName=xai.test.Synthesize.xai_top.ab12cd JobState=COMPLETED Reason=None RunTime=00:04:05 NodeList=node9 ExitCode=0:0'"
        chmod +x "$bin/scontrol"
        function New-Record { [Xai.Slurm.SlurmJobRecord]::new('Synthesize', 'xai.test.Synthesize.xai_top.ab12cd', '43', 'RUNNING',
            'node9', '', $null, "$vendor/x.sbatch", "$vendor/x.out", [datetime]::UtcNow) }
        # As the executor records a job of a build with XaiSlurmBinDirectory set.
        $withBin = New-Record
        $withBin.BinDirectory = $bin
        [Xai.Slurm.SlurmJobLedger]::Record($vendor, $withBin)
        $job = (Get-XaiBuild $root).SlurmJobs | Select-Object -First 1
        $job.State | Should -Be 'COMPLETED'
        $job.Elapsed | Should -Be '00:04:05'
        $job.ExitCode | Should -Be 0
        # Without the directory the record's own state stands (no scontrol on PATH in the test run's view of it).
        [Xai.Slurm.SlurmJobLedger]::Record($vendor, (New-Record))
        $env:PATH, $path = '/nonexistent', $env:PATH
        try { ((Get-XaiBuild $root).SlurmJobs | Select-Object -First 1).State | Should -Be 'RUNNING' }
        finally { $env:PATH = $path }
    }

    It 'reports a job record it cannot read as XAI7004, naming the file' {
        $root = New-TestBuild (Join-Path $TestDrive 'slurm-bad')
        Set-Content "$root/obj/Debug/xai/vendor/slurm-jobs.json" '{ "format": "xai-slurm-jobs/9", "jobs": [] }'
        $e = Get-XaiErrorRecord { Get-XaiBuild $root }
        $e.FullyQualifiedErrorId | Should -BeLike 'XAI7004,*'
        $e.ErrorDetails.Message | Should -Match 'slurm-jobs\.json'
    }

    It 'reports a missing path as XAI7002' {
        (Get-XaiErrorRecord { Get-XaiBuild "$TestDrive/missing" }).FullyQualifiedErrorId | Should -BeLike 'XAI7002,*'
    }

    It 'reports a folder that is no build as XAI7003' {
        New-Item -ItemType Directory "$TestDrive/empty" | Out-Null
        (Get-XaiErrorRecord { Get-XaiBuild "$TestDrive/empty" }).FullyQualifiedErrorId | Should -BeLike 'XAI7003,*'
    }

    It 'reports a report.json of another schema as XAI7004, naming the file' {
        $other = New-TestBuild (Join-Path $TestDrive 'schema') -Schema 'xai-report/9'
        $e = Get-XaiErrorRecord { Get-XaiBuild $other }
        $e.FullyQualifiedErrorId | Should -BeLike 'XAI7004,*'
        $e.ErrorDetails.Message | Should -Match ([regex]::Escape("$other/bin/Debug/report.json"))
    }

    It 'asks for -Configuration (XAI7006) when several are built, and honours it' {
        $two = New-TestBuild (Join-Path $TestDrive 'two') -Configurations Debug, Release
        (Get-XaiErrorRecord { Get-XaiBuild $two }).FullyQualifiedErrorId | Should -BeLike 'XAI7006,*'
        (Get-XaiBuild $two -Configuration Release).Path | Should -Be "$two/bin/Release"
    }
}

Describe 'Get-XaiUtilization' {
    It 'reads a Vivado utilization report with percentages of the board' {
        $u = Get-XaiUtilization "$Fixtures/ARX-0__HLS-pynq__design_1_wrapper_utilization_placed.rpt" -Board pynq-z2
        $u.ResourceStage | Should -Be 'vivado-placed'
        $u.Lut | Should -Be 4423
        $u.LutPercent | Should -Be 8.31
        $u.Bram18K | Should -Be 4   # 2 Block RAM tiles of 36 Kb
        $u.Dsp | Should -Be 29
        $u.DspPercent | Should -Be 13.18
    }

    It 'reads a csynth.xml with latency' {
        $u = Get-XaiUtilization "$Fixtures/fastmachinelearning__hls4ml__myproject_csynth.xml"
        $u.ResourceStage | Should -Be 'hls-estimate'
        $u.Lut | Should -Be 2532
        $u.Dsp | Should -Be 73
        $u.LatencyCycles | Should -Be 10
        $u.LatencyBasis | Should -Be 'csynth'
        $u.Files | Should -Be @("$Fixtures/fastmachinelearning__hls4ml__myproject_csynth.xml")
    }

    It 'expands wildcards' {
        (Get-XaiUtilization "$Fixtures/*utilization_placed.rpt").Count | Should -Be 2
    }

    It 'puts FP only and FP+BP of a build side by side, read again from the reports the stages used' {
        $build = New-TestBuild (Join-Path $TestDrive 'synth')
        Add-TestVendorReports $build
        $rows = Get-XaiUtilization "$build/test.xaiproj"
        $rows.Variant | Should -Be @('FP', 'FP+BP')
        $rows[0].ResourceStage | Should -Be 'hls-estimate'
        $rows[1].ResourceStage | Should -Be 'vivado-placed'   # Vivado's count wins over the HLS estimate
        $rows[1].Board | Should -Be 'pynq-z2'
        $rows[1].LutPercent | Should -Be 8.31
        $rows[1].LatencyCycles | Should -Be 10                # latency still from csynth
    }

    It 'keeps the core''s code for a file that is no report (XAI5xxx)' {
        Set-Content "$TestDrive/notes.txt" 'not a report'
        $e = Get-XaiErrorRecord { Get-XaiUtilization "$TestDrive/notes.txt" }
        $e.FullyQualifiedErrorId | Should -Match '^XAI51\d\d,'
        $e.CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'reports a missing path as XAI7002' {
        (Get-XaiErrorRecord { Get-XaiUtilization "$TestDrive/none.rpt" }).FullyQualifiedErrorId | Should -BeLike 'XAI7002,*'
    }
}

Describe 'Connect-XaiBoard without a board' {
    It 'with -WhatIf neither connects nor writes the known-hosts file' {
        $known = "$TestDrive/known_hosts"
        $result = Connect-XaiBoard -HostName 127.0.0.1 -Port 1 -Board pynq-z2 -KnownHostsFile $known -TrustHostKey 'SHA256:AAAA' -WhatIf
        $result | Should -BeNullOrEmpty
        Test-Path $known | Should -BeFalse
    }

    It 'reports an unknown board as XAI7001 before connecting' {
        (Get-XaiErrorRecord { Connect-XaiBoard -HostName 127.0.0.1 -Port 1 -Board nosuch }).FullyQualifiedErrorId | Should -BeLike 'XAI7001,*'
    }

    It 'reports a closed port as XAI7103 naming host and port' {
        ssh-keygen -q -t ed25519 -N '' -f "$TestDrive/id_test" | Out-Null
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()   # a port nobody listens on
        $e = Get-XaiErrorRecord { Connect-XaiBoard -HostName 127.0.0.1 -Port $port -Board pynq-z2 -KeyFile "$TestDrive/id_test" -KnownHostsFile "$TestDrive/kh" -ConnectTimeoutSeconds 5 }
        $e.FullyQualifiedErrorId | Should -BeLike 'XAI7103,*'
        $e.CategoryInfo.Category | Should -Be 'ConnectionError'
        $e.ErrorDetails.Message | Should -Match "127\.0\.0\.1"
        $e.ErrorDetails.Message | Should -Match "$port"
    }
}

Describe 'Error ids' {
    It 'lists every cmdlet error id in the README''s diagnostics table' {
        $readme = Get-Content -Raw "$Repo/README.md"
        # The cmdlets' own ids are the catalog's 7000-7099 and 7500-7599 ranges.
        $ids = [Xai.Diagnostics.DiagnosticCatalog]::Entries | Where-Object Code -Match '^XAI7[05]\d\d$' | ForEach-Object Code
        $ids | Should -Not -BeNullOrEmpty
        foreach ($id in $ids) { $readme | Should -Match "``$id``" -Because "$id is a cmdlet error id" }
    }
}

Describe 'Module package in ./feed' {
    BeforeAll {
        $script:Package = Get-ChildItem "$Repo/feed/Xai.*.nupkg" | Select-Object -First 1
    }

    It 'is packed by the build' {
        $Package | Should -Not -BeNullOrEmpty -Because './build.sh (dotnet publish src/Xai.PowerShell) packs it'
    }

    It 'installs with Install-PSResource from a repository registered on ./feed and imports' {
        # A separate pwsh with its own HOME: the repository registration and the installed module
        # stay out of the user's PowerShell configuration.
        $home2 = New-Item -ItemType Directory "$TestDrive/home"
        # The pinned pwsh runs as `dotnet <PSHOME>/pwsh.dll`; the same, in a new process.
        $pwsh = [Environment]::ProcessPath
        $pwshArgs = @(if ((Split-Path -Leaf $pwsh) -like "dotnet*") { "$PSHOME/pwsh.dll" })
        $script = @'
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name XaiFeed -Uri $env:XAI_FEED -Trusted
Install-PSResource Xai -Repository XaiFeed -Scope CurrentUser -TrustRepository
Import-Module Xai
[pscustomobject]@{
    Base = (Get-Module Xai).ModuleBase
    Boards = @(Get-XaiBoard).Count
    Synopsis = (Get-Help Get-XaiBoard).Synopsis
    Cmdlets = @((Get-Module Xai).ExportedCmdlets.Keys).Count
} | ConvertTo-Json
'@
        $oldHome = $env:HOME
        try {
            $env:HOME = $home2.FullName
            $env:XAI_FEED = "$Repo/feed"
            $json = & $pwsh @pwshArgs -NoProfile -NonInteractive -Command $script 2>&1
        } finally { $env:HOME = $oldHome; $env:XAI_FEED = $null }
        $LASTEXITCODE | Should -Be 0 -Because ($json | Out-String)
        $installed = ($json | Out-String) | ConvertFrom-Json
        $installed.Base | Should -BeLike "$($home2.FullName)/*"
        $installed.Boards | Should -Be 3
        $installed.Synopsis | Should -Be 'Gets the boards the SDK can target.'
        $installed.Cmdlets | Should -Be (Import-PowerShellDataFile "$Repo/Xai.psd1").CmdletsToExport.Count
    }
}
