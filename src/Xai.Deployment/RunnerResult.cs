using Newtonsoft.Json.Linq;
using Xai.CodeGeneration;
using Xai.Diagnostics;

namespace Xai.Deployment;

/// <summary>Reads the runner's one JSON document (schema xai-runner/1) and turns its failures into coded errors.</summary>
internal static class RunnerResult
{
    public static JObject Parse(RemoteCommand.Result run, string where)
    {
        var last = run.Output.TrimEnd().Split('\n').LastOrDefault()?.Trim() ?? "";
        JObject? json = null;
        try
        {
            json = last.StartsWith('{') ? JObject.Parse(last) : null;
        }
        catch (Newtonsoft.Json.JsonException)
        {
        }

        if (json is not null && (string?)json["schema"] != BoardRunnerLayout.ResultSchema)
        {
            json = null;
        }

        if (json is null)
        {
            var shown = run.Output.Length > 300 ? run.Output[..300] + "…" : run.Output;
            if (run.ExitCode != 0)
            {
                throw new XaiException(DiagnosticCatalog.RunnerFailed, $"The runner on {where} exited with {run.ExitCode} without a result: {Tail(run.Error)}");
            }

            throw new XaiException(DiagnosticCatalog.RunnerOutputInvalid, $"The runner on {where} printed no {BoardRunnerLayout.ResultSchema} JSON document; its output began: '{shown.Trim()}'.");
        }

        if (run.ExitCode != 0 || json.Value<bool?>("ok") != true)
        {
            throw new XaiException(DiagnosticCatalog.RunnerFailed, $"The runner on {where} failed (exit {run.ExitCode}): {(string?)json["error"] ?? Tail(run.Error)}");
        }

        return json;
    }

    private static string Tail(string text)
    {
        var t = text.Trim();
        return t.Length > 600 ? "…" + t[^600..] : t.Length == 0 ? "(no error output)" : t;
    }
}
