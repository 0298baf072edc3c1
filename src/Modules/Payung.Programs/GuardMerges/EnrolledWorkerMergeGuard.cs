using Npgsql;
using Payung.Registry.Contracts;

namespace Payung.Programs.GuardMerges;

/// <summary>
/// A worker with an active or waiting enrolment is not merged away: its enrolment, funded months and bills would
/// stay on a read-only record. End the enrolment first (or keep that record as the survivor).
/// </summary>
internal sealed class EnrolledWorkerMergeGuard(NpgsqlDataSource dataSource) : IWorkerMergeGuard
{
    public async Task<string?> BlockerAsync(Guid mergedWorkerId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            select p.name from programs.enrollment e join programs.programme p on p.id = e.programme_id
             where e.worker_id = $1 and e.status in ('active', 'waiting')
             order by e.created_at limit 1
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = mergedWorkerId });
        return await cmd.ExecuteScalarAsync(ct) is string programme
            ? $"Pekerja yang akan digabung masih menjadi peserta program \"{programme}\". Akhiri kepesertaannya dahulu, atau pilih data itu sebagai yang dipertahankan."
            : null;
    }
}
