using Microsoft.AspNetCore.Mvc.ModelBinding;
using Payung.Access.ManageUsers;

namespace Payung.Access.Pages.Admin.Pengguna;

/// <summary>Puts a use case's refusal into a form's model state, under the same field names as the API.</summary>
public static class FormErrors
{
    public static void Add(ModelStateDictionary modelState, Refusal refusal)
    {
        foreach (var (field, message) in refusal.Messages())
        {
            modelState.AddModelError(field.Length > 0 ? field : FieldOf(refusal.Code), message);
        }
    }

    public static string? Of(ModelStateDictionary modelState, string field) =>
        modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>Errors not tied to one field (refused rules), for the alert above the form.</summary>
    public static IEnumerable<string> General(ModelStateDictionary modelState) =>
        modelState.TryGetValue("", out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    // A refused rule about one field (the role, the region, the branch, the name) belongs beside that field,
    // where the person chose it.
    private static string FieldOf(string code) =>
        code.EndsWith(".scope_outside", StringComparison.Ordinal) || code == "region.not_found" ? "scopeCode"
        : code.EndsWith(".role_not_assignable", StringComparison.Ordinal) ? "role"
        : code == "branch.not_found" ? "branchCode"
        : code == "user.username_taken" ? "username"
        : "";
}
