namespace Xai.Core.Tests.Amd;

/// <summary>
/// Values that would run a command if a script writer pasted them into Tcl unquoted. Each carries
/// a marker file path so that a test can prove nothing ran: the marker must not exist afterwards.
/// </summary>
internal sealed class HostileValues
{
    public HostileValues(string directory)
    {
        Marker = Path.Combine(directory, $"pwned-{Guid.NewGuid():N}");
    }

    public string Marker { get; }

    /// <summary>Hostile values with whitespace (for fields that may hold it).</summary>
    public IReadOnlyList<string> WithSpaces =>
    [
        $"x]; exec touch {Marker}; [",
        $"[exec touch {Marker}]",
        $"$([exec touch {Marker}])",
        $"a\"; exec touch {Marker}; puts \"",
        $"}} ; exec touch {Marker} ; {{",
        $"{{*}}[exec touch {Marker}]",
        $"line1\nexec touch {Marker}\n",
        $"back\\\nexec touch {Marker}",
        $"trailing backslash \\",
        $"# exec touch {Marker}",
        $"$env(HOME) $::tcl_platform(os) ${{x}}",
        $"unbalanced {{ [exec touch {Marker}]",
        "tab\tand\rcarriage",
    ];

    /// <summary>
    /// Hostile values without whitespace (for paths and flags, which Vitis HLS splits at whitespace):
    /// they try to call the undefined command <c>pwned</c>, which the mocks report as a violation.
    /// </summary>
    public static IReadOnlyList<string> WithoutSpaces =>
    [
        "x];pwned;[",
        "[pwned]",
        "$pwned",
        "a\";pwned;\"",
        "}};pwned;{{",
        "{*}[pwned]",
        "back\\slash\\",
        "brace{only",
        "#pwned",
        "~pwned",
        "$(pwned)",
    ];
}
