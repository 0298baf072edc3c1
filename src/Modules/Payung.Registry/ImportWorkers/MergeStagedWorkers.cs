using Npgsql;
using NpgsqlTypes;
using Payung.Shared;

namespace Payung.Registry.ImportWorkers;

/// <summary>What the validating merge did, as predicted from its snapshot and as the merge reported it.</summary>
internal sealed record MergeCounts(long Created, long Updated, long Unchanged, long Rejected, long NeedsReview, long Warnings,
    long Inserted, long Changed)
{
    public long Total => Created + Updated + Unchanged + Rejected + NeedsReview;

    /// <summary>
    /// Whether the merge did exactly what the verdicts say. Only a concurrent write to the same NIKs between
    /// the snapshot and the insert can make them differ (a created row turning into an update or a no-op,
    /// an update into a no-op); the caller then rolls back and runs again.
    /// </summary>
    public bool Consistent => Inserted == Created && Changed == Updated;
}

/// <summary>
/// The set-based heart of a worker import: one statement validates every staged row (NIK rules, regions,
/// required fields, formats, dates, duplicates inside the file and against the registry, the creator's
/// scope), writes a verdict with reasons for every row, and inserts or updates the accepted workers with
/// one <c>INSERT … ON CONFLICT (nik) DO UPDATE</c>. Verdict rules:
/// <list type="bullet">
/// <item>rejected — any error: a malformed NIK, an unknown or out-of-scope village, a missing or malformed
/// field, an impossible date, a formula or control character, an Excel float NIK, the NIK seen earlier in
/// the file;</item>
/// <item>needs_review (not merged) — likely a different existing worker (same normalised name and birth
/// date in the same regency, other NIK; or such a row earlier in the file), the NIK's birth date or sex
/// disagreeing with the declared ones (unless the worker already carries that warning), the NIK
/// registered to a worker outside the creator's scope, a deceased worker declared alive, a merged record;</item>
/// <item>created / updated / unchanged — otherwise, by comparing with the registry. Empty optional cells
/// keep the registry's value: an import never erases data.</item>
/// </list>
/// A former NIK regency code and an unknown NIK district are only warnings, kept in <c>worker.nik_warnings</c>.
/// </summary>
internal static class MergeStagedWorkers
{
    public const string StagingTable = "pg_temp.import_staging";

    /// <summary>The temporary staging table; its columns follow <see cref="ImportField"/>.</summary>
    public const string CreateStagingSql = """
        drop table if exists pg_temp.import_staging;
        create temp table import_staging (
            row_no integer not null,
            nik text, kk text, full_name text, birth_place text, birth_date text, sex text, village_code text,
            address text, rt text, rw text, phone text, occupation text, monthly_income text, dtsen_decile text,
            status text, death_date text,
            -- The formats ImportValues could read from the text above (null when empty or unreadable).
            birth date, death date, sex_code text, village text, phone_digits text, income bigint, decile smallint,
            status_code text, nik_regency text, nik_district text,
            flags text[] not null
        );
        """;

    public const string CopySql = """
        copy pg_temp.import_staging (row_no, nik, kk, full_name, birth_place, birth_date, sex, village_code, address, rt, rw,
            phone, occupation, monthly_income, dtsen_decile, status, death_date, birth, death, sex_code, village, phone_digits,
            income, decile, status_code, nik_regency, nik_district, flags) from stdin (format binary)
        """;

    // $1 job id, $2 today (Asia/Jakarta), $3 national scope, $4 scope regencies, $5 scope prefix (district or
    // village roles), $6 now.
    // OFFSET 0 keeps each step a separate plan node, so an expression used many times above it (the NIK
    // check, the parsed dates) is computed once per row instead of once per use.
    private const string Sql = """
        with occupation_key as (
            select code, code as key from registry.occupation where is_active
            union select code, replace(code, '_', ' ') from registry.occupation where is_active
            union select code, lower(name) from registry.occupation where is_active
        ),
        typed as (
            select s.*,
                   registry.nik_birth_date(s.nik, $2::date) as nik_birth,
                   registry.normalize_name(s.full_name) as name_key
              from pg_temp.import_staging s
            offset 0
        ),
        checked as (
            select t.*,
                   o.code as occupation_code,
                   v.code is not null as village_known,
                   v.code is not null and ($3::boolean or (left(t.village, 5) = any($4::text[])
                       and ($5::text is null or starts_with(t.village, $5::text)))) as village_covered,
                   rg.code is not null as nik_regency_known,
                   ds.code is not null as nik_district_known,
                   fr.code is not null as nik_regency_former,
                   w.id as w_id, w.kk as w_kk, w.full_name as w_full_name, w.birth_place as w_birth_place,
                   w.birth_date as w_birth_date, w.sex as w_sex, w.village_code as w_village, w.address as w_address,
                   w.rt as w_rt, w.rw as w_rw, w.phone as w_phone, w.occupation_code as w_occupation,
                   w.monthly_income as w_income, w.dtsen_decile as w_decile, w.status as w_status, w.death_date as w_death,
                   w.nik_warnings as w_warnings, w.merged_into as w_merged_into,
                   w.id is not null and ($3::boolean or (w.regency_code = any($4::text[])
                       and ($5::text is null or starts_with(w.village_code, $5::text)))) as w_covered,
                   min(t.row_no) over (partition by t.nik collate "C") as nik_first_row,
                   first_value(t.nik) over same_person as person_first_nik,
                   first_value(t.row_no) over same_person as person_first_row
              from typed t
              left join occupation_key o on o.key = lower(t.occupation)
              left join regions.region v on v.code = t.village and v.level = 'village'
              -- A NIK keeps a former regency code (the 2022 Papua split): it is read as today's regency, and its
              -- kecamatan digits under today's regency.
              left join regions.former_region_current fr on fr.code = t.nik_regency
              left join regions.region rg on rg.code = coalesce(fr.current_code, t.nik_regency) and rg.level = 'regency'
              left join regions.region ds on ds.code = coalesce(fr.current_code || substr(t.nik_district, 6), t.nik_district)
                   and ds.level = 'district'
              left join registry.worker w on w.nik = t.nik
            window same_person as (partition by left(t.village, 5) collate "C", t.name_key collate "C", t.birth order by t.row_no)
        ),
        nik_checked as (
            select c.*,
                   case when 'nik.excel_float' = any(c.flags) then '{}'::text[]
                        when c.nik ~ '^[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]+$' then array['nik.excel_float']
                        else registry.nik_issues(c.nik, c.nik_birth, c.birth, c.sex_code, c.nik_regency_known, c.nik_district_known,
                                 c.nik_regency_former)
                   end as nik_codes,
                   pd.found as registry_duplicate
              from checked c
              left join lateral (
                   select true as found from registry.worker d
                    where c.w_id is null and c.name_key <> '' and c.birth is not null
                      and d.regency_code = left(c.village, 5) and d.name_key = c.name_key and d.birth_date = c.birth
                      and d.nik <> c.nik and d.merged_into is null
                    limit 1) pd on true
            offset 0
        ),
        judged as (
            select n.*,
                   n.flags
                   || array_remove(array_remove(array_remove(array_remove(n.nik_codes, 'nik.former_region_code'),
                          'nik.district_unknown'), 'nik.birthdate_mismatch'), 'nik.sex_mismatch')
                   || array_remove(array[
                       case when n.kk ~ '^[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]+$' and not 'kk.excel_float' = any(n.flags) then 'kk.excel_float'
                            when n.kk !~ '^[0-9]{16}$' and not 'kk.excel_float' = any(n.flags) then 'kk.invalid' end,
                       case when n.full_name is null then 'name.required'
                            when length(n.full_name) not between 2 and 150 then 'name.invalid' end,
                       case when length(n.birth_place) > 100 then 'birth_place.too_long' end,
                       case when n.birth_date is null then 'birth_date.required'
                            when n.birth is null or n.birth > $2::date then 'birth_date.invalid' end,
                       case when n.sex is null then 'sex.required' when n.sex_code is null then 'sex.invalid' end,
                       case when n.village is null then 'village.required'
                            when not n.village_known then 'village.unknown'
                            when not n.village_covered then 'region.out_of_scope' end,
                       case when length(n.address) > 300 then 'address.too_long' end,
                       case when n.rt !~ '^[0-9]{1,3}$' then 'rt.invalid' end,
                       case when n.rw !~ '^[0-9]{1,3}$' then 'rw.invalid' end,
                       case when n.phone is not null and n.phone_digits is null then 'phone.invalid' end,
                       case when n.occupation is null then 'occupation.required'
                            when n.occupation_code is null then 'occupation.unknown' end,
                       case when n.monthly_income is not null and n.income is null then 'income.invalid' end,
                       case when n.dtsen_decile is not null and n.decile is null then 'decile.invalid' end,
                       case when n.status is not null and n.status_code is null then 'status.invalid'
                            when n.status_code = 'alive' and n.death_date is not null then 'status.death_date_mismatch' end,
                       case when n.death_date is not null and (n.death is null or n.death > $2::date or n.death < n.birth)
                                then 'death_date.invalid'
                            when n.status_code = 'deceased' and n.death_date is null then 'death_date.required' end,
                       case when n.nik is not null and n.nik_first_row < n.row_no then 'import.duplicate_in_file' end
                   ]::text[], null) as errors,
                   array_remove(array[
                       case when 'nik.birthdate_mismatch' = any(n.nik_codes)
                                 and not coalesce('nik.birthdate_mismatch' = any(n.w_warnings) and n.w_birth_date = n.birth, false)
                            then 'nik.birthdate_mismatch' end,
                       case when 'nik.sex_mismatch' = any(n.nik_codes)
                                 and not coalesce('nik.sex_mismatch' = any(n.w_warnings) and n.w_sex = n.sex_code, false)
                            then 'nik.sex_mismatch' end,
                       case when n.registry_duplicate
                                 or (n.name_key <> '' and n.birth is not null and n.village is not null
                                     and n.person_first_nik is distinct from n.nik)
                            then 'worker.possible_duplicate' end,
                       case when n.w_id is not null and not n.w_covered then 'nik.registered_out_of_scope' end,
                       case when n.w_status = 'deceased' and n.status_code = 'alive' then 'worker.deceased_in_registry' end,
                       case when n.w_merged_into is not null then 'worker.merged' end
                   ]::text[], null) as reviews,
                   array_remove(array[
                       case when 'nik.former_region_code' = any(n.nik_codes) then 'nik.former_region_code' end,
                       case when 'nik.district_unknown' = any(n.nik_codes) then 'nik.district_unknown' end,
                       case when 'nik.birthdate_mismatch' = any(n.nik_codes) then 'nik.birthdate_mismatch' end,
                       case when 'nik.sex_mismatch' = any(n.nik_codes) then 'nik.sex_mismatch' end
                   ]::text[], null) as nik_warnings,
                   coalesce(n.kk, n.w_kk) as new_kk,
                   coalesce(n.birth_place, n.w_birth_place) as new_birth_place,
                   coalesce(n.address, n.w_address) as new_address,
                   coalesce(n.rt, n.w_rt) as new_rt,
                   coalesce(n.rw, n.w_rw) as new_rw,
                   coalesce(n.phone_digits, n.w_phone) as new_phone,
                   coalesce(n.income, n.w_income) as new_income,
                   coalesce(n.decile, n.w_decile) as new_decile,
                   coalesce(n.status_code, case when n.death is not null then 'deceased' end, n.w_status, 'alive') as new_status
              from nik_checked n
            offset 0
        ),
        verdicts as (
            select j.*,
                   case when cardinality(j.errors) > 0 then 'rejected'
                        when cardinality(j.reviews) > 0 then 'needs_review'
                        when j.w_id is null then 'created'
                        when (j.w_kk, j.w_full_name, j.w_birth_place, j.w_birth_date, j.w_sex, j.w_village, j.w_address,
                              j.w_rt, j.w_rw, j.w_phone, j.w_occupation, j.w_income, j.w_decile, j.w_status, j.w_death, j.w_warnings)
                             is distinct from
                             (j.new_kk, j.full_name, j.new_birth_place, j.birth, j.sex_code, j.village, j.new_address,
                              j.new_rt, j.new_rw, j.new_phone, j.occupation_code, j.new_income, j.new_decile, j.new_status,
                              case when j.new_status = 'deceased' then coalesce(j.death, j.w_death) end, j.nik_warnings)
                            then 'updated'
                        else 'unchanged'
                   end as verdict,
                   case when cardinality(j.errors) = 0 and cardinality(j.reviews) = 0 and j.w_id is null
                        then registry.uuid_v7($6::timestamptz) end as new_id
              from judged j
        ),
        recorded as (
            insert into registry.worker_import_row
                (job_id, row_no, verdict, reasons, nik, full_name, village_code, worker_id, duplicate_of_row, cells)
            select $1::uuid, v.row_no, v.verdict,
                   v.errors || v.reviews || case when cardinality(v.reviews) = 0 then v.nik_warnings
                       else array_remove(array_remove(v.nik_warnings, 'nik.birthdate_mismatch'), 'nik.sex_mismatch') end,
                   v.nik, v.full_name, v.village,
                   case when v.verdict in ('created', 'updated', 'unchanged') then coalesce(v.new_id, v.w_id) end,
                   case when 'import.duplicate_in_file' = any(v.errors) then v.nik_first_row
                        when v.person_first_nik is distinct from v.nik and 'worker.possible_duplicate' = any(v.reviews)
                            then v.person_first_row end,
                   case when v.verdict in ('rejected', 'needs_review') then array[v.nik, v.kk, v.full_name, v.birth_place,
                       v.birth_date, v.sex, v.village_code, v.address, v.rt, v.rw, v.phone, v.occupation, v.monthly_income,
                       v.dtsen_decile, v.status, v.death_date] end
              from verdicts v
        ),
        merged as (
            insert into registry.worker as w (id, nik, kk, full_name, birth_place, birth_date, sex, village_code, address,
                rt, rw, phone, occupation_code, monthly_income, dtsen_decile, status, death_date, nik_warnings,
                created_at, updated_at)
            select coalesce(v.new_id, v.w_id), v.nik, v.new_kk, v.full_name, v.new_birth_place, v.birth, v.sex_code, v.village,
                   v.new_address, v.new_rt, v.new_rw, v.new_phone, v.occupation_code, v.new_income, v.new_decile, v.new_status,
                   case when v.new_status = 'deceased' then coalesce(v.death, v.w_death) end, v.nik_warnings, $6, $6
              from verdicts v
             where v.verdict in ('created', 'updated')
             order by v.nik
            on conflict (nik) do update
               set kk = excluded.kk, full_name = excluded.full_name, birth_place = excluded.birth_place,
                   birth_date = excluded.birth_date, sex = excluded.sex, village_code = excluded.village_code,
                   address = excluded.address, rt = excluded.rt, rw = excluded.rw, phone = excluded.phone,
                   occupation_code = excluded.occupation_code, monthly_income = excluded.monthly_income,
                   dtsen_decile = excluded.dtsen_decile, status = excluded.status, death_date = excluded.death_date,
                   nik_warnings = excluded.nik_warnings, updated_at = excluded.updated_at
             where (w.kk, w.full_name, w.birth_place, w.birth_date, w.sex, w.village_code, w.address, w.rt, w.rw, w.phone,
                    w.occupation_code, w.monthly_income, w.dtsen_decile, w.status, w.death_date, w.nik_warnings)
                   is distinct from
                   (excluded.kk, excluded.full_name, excluded.birth_place, excluded.birth_date, excluded.sex,
                    excluded.village_code, excluded.address, excluded.rt, excluded.rw, excluded.phone,
                    excluded.occupation_code, excluded.monthly_income, excluded.dtsen_decile, excluded.status,
                    excluded.death_date, excluded.nik_warnings)
            returning (w.xmax = 0) as inserted
        ),
        predicted as (
            select count(*) filter (where verdict = 'created') as created,
                   count(*) filter (where verdict = 'updated') as updated,
                   count(*) filter (where verdict = 'unchanged') as unchanged,
                   count(*) filter (where verdict = 'rejected') as rejected,
                   count(*) filter (where verdict = 'needs_review') as needs_review,
                   count(*) filter (where cardinality(nik_warnings) > 0 and verdict in ('created', 'updated', 'unchanged')) as warnings
              from verdicts
        )
        select p.created, p.updated, p.unchanged, p.rejected, p.needs_review, p.warnings,
               (select count(*) from merged where inserted), (select count(*) from merged where not inserted)
          from predicted p
        """;

    public static async Task<MergeCounts> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid jobId,
        DateOnly today, CallerScope scope, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(Sql, connection, transaction) { CommandTimeout = 0 };
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = jobId });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = today });
        cmd.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = scope.AllRegions });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = scope.Regencies.ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)scope.Within ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new MergeCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
    }
}
