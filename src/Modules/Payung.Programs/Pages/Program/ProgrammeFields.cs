using Microsoft.AspNetCore.Mvc.ModelBinding;
using Payung.Programs.ManageFunders;
using Payung.Programs.ManageProgrammes;

namespace Payung.Programs.Pages.Program;

/// <summary>What the shared form partial needs: the values, the funders to choose from and the errors.</summary>
public sealed record ProgrammeFields(ProgrammeForm Form, IReadOnlyList<FunderResponse> Funders, ModelStateDictionary ModelState)
{
    public IReadOnlyList<string> FundingSources => ProgrammeRules.FundingSources;

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;

    public string InvalidClass(string field) => ErrorFor(field) is null ? "" : "is-invalid";

    public IEnumerable<string> General =>
        ModelState.TryGetValue("", out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];
}
