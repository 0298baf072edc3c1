using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Payung.Access.Contracts;

namespace Payung.Access.ManageUsers;

/// <summary>
/// <c>/api/v1/users</c>: thin adapters over the use cases. Users outside the caller's scope answer
/// 404 <c>user.not_found</c>, exactly like ids that never existed.
/// </summary>
internal static class UsersEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users")
            .RequireAuthorization(Permissions.ManageUsers)
            .WithTags("Pengguna")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        users.MapGet("", ListAsync)
            .WithName("ListUsers")
            .WithSummary("Pengguna dalam wilayah Anda, dapat dicari menurut nama, peran dan wilayah.")
            .ProducesValidationProblem();
        users.MapGet("/{id:guid}", GetAsync)
            .WithName("GetUser")
            .WithSummary("Satu pengguna dalam wilayah Anda.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("", CreateAsync)
            .WithName("CreateUser")
            .WithSummary("Buat pengguna dengan peran yang boleh Anda berikan, di dalam wilayah Anda.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        users.MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateUser")
            .WithSummary("Ubah nama, peran, wilayah atau status aktif pengguna.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        users.MapPost("/{id:guid}/password", ResetPasswordAsync)
            .WithName("ResetUserPassword")
            .WithSummary("Tetapkan kata sandi baru dan buka kunci akun.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Ok<Paged<UserResponse>>, ValidationProblem>> ListAsync(
        string? q, string? role, string? region, int? page, int? pageSize, ListUsers listUsers, CancellationToken ct)
    {
        var outcome = await listUsers.ExecuteAsync(new ListUsersRequest(q, role, region, page, pageSize), ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Refusal.ToValidationProblem();
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(Guid id, GetUser getUser, CancellationToken ct)
    {
        var outcome = await getUser.ExecuteAsync(id, ct);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : outcome.Refusal.ToProblem();
    }

    private static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateUserRequest? request, CreateUser createUser, CancellationToken ct)
    {
        var outcome = await createUser.ExecuteAsync(request, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Refusal.IsValidation ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        }

        return TypedResults.Created($"/api/v1/users/{outcome.Value.Id}", outcome.Value);
    }

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateUserRequest? request, UpdateUser updateUser, CancellationToken ct)
    {
        var outcome = await updateUser.ExecuteAsync(id, request, ct);
        if (!outcome.Succeeded)
        {
            return outcome.Refusal.IsValidation ? outcome.Refusal.ToValidationProblem() : outcome.Refusal.ToProblem();
        }

        return TypedResults.Ok(outcome.Value);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetPasswordAsync(
        Guid id, ResetUserPasswordRequest? request, ResetUserPassword resetPassword, CancellationToken ct)
    {
        var refusal = await resetPassword.ExecuteAsync(id, request, ct);
        if (refusal is null)
        {
            return TypedResults.NoContent();
        }

        return refusal.IsValidation ? refusal.ToValidationProblem() : refusal.ToProblem();
    }
}
