using Microsoft.AspNetCore.Mvc.ModelBinding;
using Payung.Registry.RegisterWorker;

namespace Payung.Registry.Pages.Pekerja;

/// <summary>Puts a use case's refusal into a form's model state, under the same field names as the API.</summary>
public static class FormErrors
{
    public static void Add(ModelStateDictionary modelState, Refusal refusal)
    {
        foreach (var (field, message) in refusal.Messages())
        {
            modelState.AddModelError(field, message);
        }
    }

    /// <summary>All messages of a field, joined: a NIK can break several rules at once.</summary>
    public static string? Of(ModelStateDictionary modelState, string field) =>
        modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;

    /// <summary>Errors not tied to one field (refused rules), for the alert above the form.</summary>
    public static IEnumerable<string> General(ModelStateDictionary modelState) =>
        modelState.TryGetValue("", out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];
}
