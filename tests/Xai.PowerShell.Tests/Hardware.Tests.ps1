# Hardware regression: for each board of a lab inventory (XAI_LAB_INVENTORY, JSON: board, host,
# transport, build, per-variant baseline latencies and a tolerance), connect, flash, benchmark FP
# and FP+BP, explain images, and check latency against the baseline and outputs against the C
# simulation bit for bit. CI runs it against the loopback board stand-in as one entry
# (New-StandInInventory.ps1); pointed at a real lab's inventory it runs unchanged. An empty or
# absent inventory runs no board tests.

BeforeDiscovery {
    $script:Boards = @()
    if ($env:XAI_LAB_INVENTORY) {
        $inventory = Get-Content -Raw $env:XAI_LAB_INVENTORY | ConvertFrom-Json
        if ($inventory.schema -ne 'xai-lab-inventory/1') {
            throw "$($env:XAI_LAB_INVENTORY): schema is '$($inventory.schema)'; expected xai-lab-inventory/1"
        }
        foreach ($entry in @($inventory.boards)) {
            foreach ($field in 'name', 'board', 'host', 'build', 'baselineMs', 'tolerance') {
                if ($null -eq $entry.$field) { throw "$($env:XAI_LAB_INVENTORY): board entry '$($entry.name)' lacks '$field'" }
            }
            $script:Boards += @{ Entry = $entry; Name = $entry.name }
        }
    }
}

Describe 'Board <Name>' -Tag Hardware -ForEach $Boards -AllowNullOrEmptyForEach {
    BeforeAll {
        $repo = (Resolve-Path "$PSScriptRoot/../..").Path
        Import-Module "$repo/Xai.psd1" -Force
        $e = $Entry
        $connect = @{
            HostName = $e.host; Board = $e.board
            Port = if ($e.port) { $e.port } else { 22 }
            Transport = if ($e.transport) { $e.transport } else { 'Ssh' }
        }
        if ($e.user) { $connect.UserName = $e.user }
        if ($e.keyFile) { $connect.KeyFile = $e.keyFile }
        if ($e.knownHostsFile) { $connect.KnownHostsFile = $e.knownHostsFile }
        $script:Session = Connect-XaiBoard @connect -ErrorAction Stop
        $script:Build = Get-XaiBuild $e.build -ErrorAction Stop
        $script:Iterations = if ($e.iterations) { $e.iterations } else { 20 }
        $script:Warmup = if ($null -ne $e.warmup) { $e.warmup } else { 2 }

        function script:Get-TreeListing([string] $Root) {
            if (-not $Root) { return '' }
            (Get-ChildItem -Recurse -Force $Root | ForEach-Object { "$($_.FullName) $($_.Length) $($_.LastWriteTimeUtc.Ticks)" }) -join "`n"
        }
    }

    AfterAll {
        if ($Session) { Disconnect-XaiBoard $Session -Confirm:$false }
    }

    It 'is the board the inventory names' {
        $Session.Board.Id | Should -Be $Entry.board
        $expected = if ((Get-XaiBoard $Entry.board).Family -eq 'zynq') { 'armv7l' } else { 'aarch64' }
        $Session.Architecture | Should -Be $expected
        $Session.HostKeyFingerprint | Should -Match '^SHA256:'
        $Session.IsStandIn | Should -Be ([bool]$Entry.standInRoot)
    }

    It 'changes nothing on the board with -WhatIf' {
        $before = Get-TreeListing $Entry.standInRoot
        $Build | Install-XaiBitstream -Session $Session -WhatIf | Should -BeNullOrEmpty
        if (-not $Entry.standInRoot) { Set-ItResult -Skipped -Because 'only a stand-in''s file system can be listed from here' }
        Get-TreeListing $Entry.standInRoot | Should -Be $before
    }

    It 'flashes the build and the overlay reads operating' {
        $installed = $Build | Install-XaiBitstream -Session $Session -Confirm:$false -ErrorAction Stop
        $installed.FpgaManagerState | Should -Be 'operating'
        $installed.Part | Should -Not -BeNullOrEmpty
        $installed.Sha256.Count | Should -BeGreaterThan 2
        $installed.IsStandIn | Should -Be $Session.IsStandIn
    }

    Context 'benchmark' {
        BeforeAll {
            $script:Results = Invoke-XaiBenchmark -Session $Session -Iterations $Iterations -Warmup $Warmup -ErrorAction Stop
        }

        It 'measures FP+BP and names its backend' {
            $Results.Variant | Should -Contain 'FP+BP'
            foreach ($r in $Results) {
                $r.Backend | Should -BeIn @('fpga', 'csim')
                if ($Session.IsStandIn) { $r.Backend | Should -Be 'csim' -Because 'a stand-in has no PL' }
                $r.Iterations | Should -Be $Iterations
                $r.Total.MinMs | Should -BeLessOrEqual $r.Total.MedianMs
                $r.Total.MedianMs | Should -BeLessOrEqual $r.Total.P95Ms
            }
        }

        It 'gives outputs equal to the C simulation bit for bit' {
            ($Results | Where-Object Variant -EQ 'FP+BP').BitExactWithCSim | Should -BeTrue
        }

        It 'benchmarks every method of the build with -AllMethods, each equal to the C simulation' {
            $all = Invoke-XaiBenchmark -Session $Session -AllMethods -Backend csim -Iterations 1 -Warmup 0 -ErrorAction Stop
            @($all.Method | Select-Object -Unique) | Should -Be @($Build.Report.methods)
            foreach ($m in $Build.Report.methods) {
                $fpbp = $all | Where-Object { $_.Method -eq $m -and $_.Variant -eq 'FP+BP' }
                $fpbp.Backend | Should -Be 'csim'
                $fpbp.BitExactWithCSim | Should -BeTrue -Because "$m's outputs should be the C simulation's record of the reference image"
            }
        }

        It 'refuses on the PL a method the overlay does not compute' {
            if ($Session.IsStandIn) { Set-ItResult -Skipped -Because 'a stand-in has no PL' }
            $other = @($Build.Report.methods)[1]
            if (-not $other) { Set-ItResult -Skipped -Because 'the build has one method' }
            $caught = $null
            try { Invoke-XaiBenchmark -Session $Session -Method $other -Backend fpga -Iterations 1 -Warmup 0 -ErrorAction Stop } catch { $caught = $_ }
            $caught.FullyQualifiedErrorId | Should -BeLike 'XAI7404,*'
        }

        It 'stays within tolerance of the baseline latency' {
            foreach ($r in $Results) {
                $baseline = $Entry.baselineMs.($r.Variant)
                if ($null -eq $baseline) { continue }
                $low = $baseline * [Math]::Max(0, 1 - $Entry.tolerance)
                $high = $baseline * (1 + $Entry.tolerance)
                $r.Total.MedianMs | Should -BeGreaterOrEqual $low -Because "$($r.Variant) median $($r.Total.MedianMs) ms vs baseline $baseline ms ($($r.Backend))"
                $r.Total.MedianMs | Should -BeLessOrEqual $high -Because "$($r.Variant) median $($r.Total.MedianMs) ms vs baseline $baseline ms ($($r.Backend))"
            }
        }
    }

    It 'stops a benchmark within a second of Ctrl-C and leaves the board usable' {
        # Ctrl-C is PowerShell's Stop() of the running pipeline; a second runspace plays the user.
        $ps = [powershell]::Create()
        $null = $ps.AddScript('param($Manifest, $Session) Import-Module $Manifest; Invoke-XaiBenchmark -Session $Session -Iterations 100000 -Warmup 0 -Confirm:$false').
            AddArgument("$((Resolve-Path "$PSScriptRoot/../..").Path)/Xai.psd1").AddArgument($Session)
        $handle = $ps.BeginInvoke()
        Start-Sleep -Seconds 3
        $ps.InvocationStateInfo.State | Should -Be 'Running' -Because 'the benchmark should still be running when stopped'
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        $watch.Stop()
        $ps.Dispose()
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 1.5
        (Invoke-XaiBenchmark -Session $Session -Iterations 1 -Warmup 0 -ErrorAction Stop).Variant | Should -Contain 'FP+BP'
    }

    It 'explains images with the C simulation''s classes and writes relevance and heatmaps' {
        $out = Join-Path $TestDrive $Name
        $results = Invoke-XaiAttribution -Session $Session -Image $Entry.images -OutputDirectory $out -Confirm:$false -ErrorAction Stop
        $results.Count | Should -Be @($Entry.images).Count
        foreach ($r in $results) {
            $stem = [IO.Path]::GetFileNameWithoutExtension($r.Image)
            $csim = $Build.Report.csim.perImage | Where-Object stem -EQ $stem
            if ($csim) { $r.Class | Should -Be $csim.class -Because "the C simulation classed $stem as $($csim.class)" }
            Test-Path $r.RelevanceFile | Should -BeTrue
            Test-Path $r.HeatmapFile | Should -BeTrue
            # The build's own C simulation of the same image and method, same file name and units.
            $reference = Join-Path $Build.Path "relevance/$(Split-Path -Leaf $r.RelevanceFile)"
            if (Test-Path $reference) {
                (Get-FileHash $r.RelevanceFile).Hash | Should -Be (Get-FileHash $reference).Hash -Because "$stem's relevance should equal the C simulation's bit for bit"
            }
        }
    }

    It 'leaves out a missing image with XAI7008' {
        $errs = $null
        Invoke-XaiAttribution -Session $Session -Image "$TestDrive/none.png" -ErrorVariable errs -ErrorAction SilentlyContinue | Out-Null
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'XAI7008,*'
    }

    It 'refuses a disconnected session with XAI7007' {
        $other = Connect-XaiBoard -HostName $Session.Endpoint.HostName -Port $Session.Endpoint.Port -Board $Entry.board `
            -UserName $Session.Endpoint.UserName -KeyFile $Session.Endpoint.KeyFile -KnownHostsFile $Session.Endpoint.EffectiveKnownHostsFile -ErrorAction Stop
        $other | Disconnect-XaiBoard -Confirm:$false
        $caught = $null
        try { Invoke-XaiBenchmark -Session $other -Iterations 1 -Warmup 0 -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'XAI7007,*'
    }
}
