using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using Xai.IO;

namespace Xai.Slurm;

/// <summary>
/// The Slurm jobs of a build, in <c>slurm-jobs.json</c> beside their scripts (obj/.../xai/vendor for the
/// vendor stages, obj/.../xai for the fidelity run's job array): the latest job of each name, written when it is submitted (or found running) and when it
/// ends, so that Get-XaiBuild can show them (and a build killed outright leaves its running jobs listed).
/// Written atomically; one build at a time holds the directory (the build lock), and its threads take turns.
/// </summary>
public static class SlurmJobLedger
{
    public const string FileName = "slurm-jobs.json";
    public const string Format = "xai-slurm-jobs/1";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
    });

    /// <summary>Adds <paramref name="job"/>, replacing the entry of the same name.</summary>
    public static void Record(string directory, SlurmJobRecord job)
    {
        // Chained stages' jobs are awaited on threads of one build: their updates must not interleave.
        lock (Gate)
        {
            RecordLocked(directory, job);
        }
    }

    private static readonly object Gate = new();

    private static void RecordLocked(string directory, SlurmJobRecord job)
    {
        var jobs = Read(directory).Where(j => j.Name != job.Name).Append(job).OrderBy(j => j.SubmittedUtc).ToList();
        var document = new JObject
        {
            ["format"] = Format,
            ["jobs"] = JArray.FromObject(jobs, Serializer),
        };
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), document.ToString(Formatting.Indented));
    }

    /// <summary>The jobs recorded in <paramref name="directory"/>; none when there is no ledger.</summary>
    /// <exception cref="InvalidDataException">The file is not a ledger of this format.</exception>
    public static IReadOnlyList<SlurmJobRecord> Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            var document = JObject.Parse(File.ReadAllText(path));
            if ((string?)document["format"] != Format)
            {
                throw new InvalidDataException($"{path} has format '{document["format"]}'; expected {Format}.");
            }

            return (document["jobs"] as JArray)?.ToObject<List<SlurmJobRecord>>(Serializer) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} cannot be read: {e.Message}", e);
        }
    }
}
