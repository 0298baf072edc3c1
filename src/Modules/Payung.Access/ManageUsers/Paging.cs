namespace Payung.Access.ManageUsers;

/// <summary>Page number and size as the list endpoints and pages accept them.</summary>
internal static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200; // as the audit log list

    // Keeps (page - 1) * pageSize far from int overflow; nobody pages this deep by hand.
    private const int MaxPage = 100_000;

    public static (int Page, int PageSize) Read(int? page, int? pageSize, IDictionary<string, string[]> errors)
    {
        if (page is < 1 or > MaxPage)
        {
            errors["page"] = [$"Nomor halaman harus antara 1 dan {MaxPage}."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"Ukuran halaman harus antara 1 dan {MaxPageSize}."];
        }

        return (page ?? 1, pageSize ?? DefaultPageSize);
    }
}
