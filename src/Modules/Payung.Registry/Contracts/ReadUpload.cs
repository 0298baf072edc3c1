using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Payung.Infrastructure;

namespace Payung.Registry.Contracts;

/// <summary>
/// The upload side of an import endpoint: the file of a multipart request (field <c>file</c>, else the first file),
/// refused as too large before its body is read where the request says its length, and a refused file as the
/// ProblemDetails every import answers with.
/// </summary>
public static class ReadUpload
{
    /// <summary>Null when the request carries no file; throws <see cref="ImportRefusedException"/> when it is too large.</summary>
    public static async Task<UploadedFile?> FileAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Refuse an oversized body before reading it: the multipart envelope adds little.
        if (request.ContentLength > maxBytes + 64 * 1024)
        {
            throw ImportRefusedException.TooLarge(maxBytes);
        }

        if (!request.HasFormContentType)
        {
            return null;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return null;
        }

        if ((form.Files.GetFile("file") ?? form.Files.FirstOrDefault()) is not { } file)
        {
            return null;
        }

        if (file.Length > maxBytes)
        {
            throw ImportRefusedException.TooLarge(maxBytes);
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        return new UploadedFile(file.FileName, content);
    }

    public static ProblemHttpResult Problem(ImportRefusedException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        var problem = ApiProblem.Create(refused.Status, refused.Code, refused.Message, refused.Detail);
        if (refused.Data["missing"] is List<string> missing)
        {
            problem.ProblemDetails.Extensions["missing"] = missing;
        }

        return problem;
    }
}
