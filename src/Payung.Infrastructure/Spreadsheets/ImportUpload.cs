using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Payung.Infrastructure.Spreadsheets;

/// <summary>An uploaded import file, read whole (within the web's limits) so it can be inspected and stored with its job.</summary>
public sealed record UploadedFile(string FileName, byte[] Content);

/// <summary>The 202 answer to an upload: the import's job and where to follow it.</summary>
public sealed record ImportAcceptedResponse(Guid Id, string Status, string StatusUrl);

/// <summary>
/// The multipart side of every import endpoint: the file in the form field <c>file</c> (or the first file), refused
/// before it is read when the body is larger than the limit, and the ProblemDetails a refused file gets.
/// </summary>
public static class ImportUpload
{
    /// <summary>The uploaded file, or null when the request carries none; throws <see cref="ImportRefusedException"/> when too large.</summary>
    public static async Task<(UploadedFile? File, IFormCollection? Form)> ReadAsync(HttpRequest request, ImportLimits limits, CancellationToken ct)
    {
        // Refuse an oversized body before reading it: the multipart envelope adds little.
        if (request.ContentLength > limits.MaxBytes + 64 * 1024)
        {
            throw ImportRefusedException.TooLarge(limits.MaxBytes);
        }

        if (!request.HasFormContentType)
        {
            return (null, null);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return (null, null);
        }

        if ((form.Files.GetFile("file") ?? form.Files.FirstOrDefault()) is not { } file)
        {
            return (null, form);
        }

        return (new UploadedFile(file.FileName, await ReadAsync(file, limits, ct)), form);
    }

    /// <summary>A posted file's bytes; throws <see cref="ImportRefusedException"/> when it is larger than the limit.</summary>
    public static async Task<byte[]> ReadAsync(IFormFile file, ImportLimits limits, CancellationToken ct)
    {
        if (file.Length > limits.MaxBytes)
        {
            throw ImportRefusedException.TooLarge(limits.MaxBytes);
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        return content;
    }

    /// <summary>
    /// An import endpoint's upload: reads the file within the web's limits, lets <paramref name="start"/> check it and
    /// queue its job, and answers 202 with <c>{prefix}/{id}</c>, 400 without a file, or the refusal's ProblemDetails.
    /// </summary>
    public static async Task<Results<Accepted<ImportAcceptedResponse>, ProblemHttpResult, ValidationProblem>> AcceptAsync(
        HttpRequest request, ImportLimits limits, string prefix, Func<UploadedFile, IFormCollection, Task<Guid>> start, CancellationToken ct)
    {
        try
        {
            var (file, form) = await ReadAsync(request, limits, ct);
            if (file is null)
            {
                return FileMissing();
            }

            var id = await start(file, form!);
            var url = $"{prefix}/{id}";
            return TypedResults.Accepted(url, new ImportAcceptedResponse(id, "queued", url));
        }
        catch (ImportRefusedException e)
        {
            return Refused(e);
        }
    }

    /// <summary>The <c>verdict</c> filter of a rows endpoint: none, one verdict, or a 400 naming the allowed codes.</summary>
    public static bool TryVerdictFilter(string? text, out ImportVerdict? filter, out ValidationProblem? problem)
    {
        (filter, problem) = (null, null);
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (ImportVerdicts.TryParse(text, out var parsed))
        {
            filter = parsed;
            return true;
        }

        problem = ApiProblem.Validation("request.invalid", new Dictionary<string, string[]>
        {
            ["verdict"] = ["Hasil harus salah satu dari created, updated, unchanged, rejected, needs_review."],
        });
        return false;
    }

    public static ValidationProblem FileMissing() =>
        ApiProblem.Validation("request.invalid", new Dictionary<string, string[]>
        {
            ["file"] = ["Kirim berkas .xlsx atau .csv sebagai multipart/form-data di kolom 'file'."],
        });

    public static ProblemHttpResult Refused(ImportRefusedException e)
    {
        var problem = ApiProblem.Create(e.Status, e.Code, e.Message, e.Detail);
        if (e.Data["missing"] is List<string> missing)
        {
            problem.ProblemDetails.Extensions["missing"] = missing;
        }

        return problem;
    }

    /// <summary>The file's own name only (no folders a browser may send), printable, at most 200 characters.</summary>
    public static string SafeName(string? name)
    {
        var clean = new string((name ?? "").Split('/', '\\')[^1].Where(c => !char.IsControl(c)).ToArray()).Trim();
        clean = clean.Length == 0 ? "berkas" : clean;
        return clean.Length > 200 ? clean[..200] : clean;
    }
}
