using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Payung.Registry.RegisterWorker;
using Payung.Shared;

namespace Payung.Registry.GetWorker;

/// <summary>
/// How a worker is named in a URL: by NIK, as people know them, or by id, for viewers who only ever see the NIK
/// masked (a province viewer cannot type <c>1801********0003</c> back).
/// </summary>
public readonly record struct WorkerKey
{
    private WorkerKey(Guid? id, string? nik)
    {
        Id = id;
        Nik = nik;
    }

    public Guid? Id { get; }

    public string? Nik { get; }

    public static WorkerKey ForId(Guid id) => new(id, null);

    public static bool TryParse([NotNullWhen(true)] string? value, out WorkerKey key)
    {
        if (Payung.Shared.Nik.TryParse(value, out var nik))
        {
            key = new WorkerKey(null, nik.Value);
            return true;
        }

        if (Guid.TryParseExact(value, "D", out var id))
        {
            key = new WorkerKey(id, null);
            return true;
        }

        key = default;
        return false;
    }

    internal IQueryable<Worker> Select(IQueryable<Worker> workers)
    {
        if (Id is { } id)
        {
            return workers.Where(w => w.Id == id);
        }

        var nik = Nik;
        return workers.Where(w => w.Nik == nik);
    }

    internal static Refusal Malformed =>
        Refusal.Invalid("nik", "Sebutkan pekerja dengan NIK 16 digit atau id pekerja.");

    /// <summary>The HTTP answer of a use case on one worker named in the route by NIK or id: 400 for a bad key, else the outcome.</summary>
    internal static async Task<Results<Ok<WorkerResponse>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        string key, Func<WorkerKey, Task<Outcome<WorkerResponse>>> run)
    {
        if (!TryParse(key, out var parsed))
        {
            return Malformed.ToValidationProblem();
        }

        var outcome = await run(parsed);
        if (!outcome.Succeeded)
        {
            return outcome.Refusal.IsValidation ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        }

        return TypedResults.Ok(outcome.Value);
    }
}
