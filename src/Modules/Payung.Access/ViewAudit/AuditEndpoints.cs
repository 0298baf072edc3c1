using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;
using Payung.Infrastructure;

namespace Payung.Access.ViewAudit;

public sealed record AuditListResponse(IReadOnlyList<AuditItemResponse> Items, int Page, int PageSize, int Total);

/// <summary>An audit row; <c>before</c>/<c>after</c> are the JSON snapshots themselves, not strings holding JSON.</summary>
public sealed record AuditItemResponse(
    long Id,
    DateTimeOffset OccurredAt,
    string ActorKind,
    string ActorName,
    string? RemoteIp,
    string Action,
    string Entity,
    string EntityId,
    string? RegionCode,
    JsonElement? Before,
    JsonElement? After);

/// <summary>
/// <c>GET /audit</c> (a page of the trail) and <c>GET /audit/export</c> (CSV) for national admins and a
/// regency's Disnaker operator, each seeing only the rows of its scope.
/// </summary>
internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit")
            .RequireAuthorization(Permissions.ViewAudit)
            .WithTags("Audit");

        audit.MapGet("", ListAsync)
            .WithName("ListAuditEntries")
            .WithSummary("Jejak audit, terbaru dahulu: filter pelaku, entitas, tindakan, wilayah dan periode (tanggal WIB).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        audit.MapGet("/export", ExportAsync)
            .WithName("ExportAuditEntries")
            .WithSummary($"Jejak audit sebagai CSV (UTF-8 dengan BOM, pemisah ';'), paling banyak {ExportAuditEntries.MaxRows} baris; ekspor ini sendiri tercatat di audit.")
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<AuditListResponse>, ValidationProblem>> ListAsync(
        string? actor, string? entity, string? action, string? region, string? from, string? to, string? page, string? pageSize,
        ListAuditEntries list, CancellationToken ct)
    {
        if (!AuditFilter.TryParse(new AuditFilterRequest(actor, entity, action, region, from, to, page, pageSize),
                out var filter, out var errors))
        {
            return ApiProblem.Validation("request.invalid", errors);
        }

        var result = await list.ExecuteAsync(filter, ct);
        return TypedResults.Ok(new AuditListResponse(
            result.Items.Select(ToResponse).ToList(), result.Page, result.PageSize, result.Total));
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        string? actor, string? entity, string? action, string? region, string? from, string? to,
        ExportAuditEntries export, TimeProvider clock, CancellationToken ct)
    {
        if (!AuditFilter.TryParse(new AuditFilterRequest(actor, entity, action, region, from, to), out var filter, out var errors))
        {
            return ApiProblem.Validation("request.invalid", errors);
        }

        var rows = await export.StartAsync(filter, ct);
        if (rows > ExportAuditEntries.MaxRows)
        {
            return ApiProblem.Create(StatusCodes.Status422UnprocessableEntity, "audit.export_too_large",
                "Terlalu banyak baris untuk diekspor; persempit filter.",
                $"Filter ini cocok dengan {rows} baris; ekspor paling banyak {ExportAuditEntries.MaxRows} baris.");
        }

        var stamp = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Stream(
            output => export.WriteCsvAsync(filter, output, ct),
            "text/csv; charset=utf-8",
            $"audit-{stamp}.csv");
    }

    private static AuditItemResponse ToResponse(AuditEntry e) => new(
        e.Id, e.OccurredAt, e.ActorKind, e.ActorName, e.RemoteIp, e.Action, e.Entity, e.EntityId, e.RegionCode,
        Json(e.Before), Json(e.After));

    private static JsonElement? Json(string? text) =>
        text is null ? null : JsonSerializer.Deserialize<JsonElement>(text);
}
