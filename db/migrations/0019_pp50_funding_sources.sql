-- PP 50/2025 excludes only contributions paid from the APBN or an APBD. CSR and other non-state money therefore get
-- the discount by the regulation's own text, not by an assumption; 0007 seeded them without it. Village funds stay a
-- setting shown as an assumption: Dana Desa is APBN money transferred to villages, Alokasi Dana Desa (ADD) is APBD
-- money the regency passes to them, and whether the exclusion follows the money into the APBDes is unconfirmed.
--
-- Only rows that still hold the value seeded by 0007 and worded by 0017 are changed, so a setting an administrator
-- chose through PUT /api/v1/rates/funding-sources/{code} stays as it is; running this again changes nothing. Each
-- change is audited like that endpoint's (same entity and before/after shape), by the system.
with seeded (code, discount_applies, discount_assumption, new_applies, new_assumption) as (
    values
      ('CSR', false,
       'Asumsi belum dikonfirmasi: potongan tidak diterapkan sampai BPJS menegaskan bahwa iuran yang didanai CSR berhak atasnya.',
       true, null::text),
      ('OTHER', false,
       'Asumsi belum dikonfirmasi: potongan tidak diterapkan sampai dipastikan bahwa sumber dana berada di luar APBN/APBD.',
       true,
       'Asumsi: sumber lain dianggap berada di luar APBN/APBD, sehingga potongan PP 50/2025 diterapkan. Ubah menjadi "Tidak" bila dananya berasal dari APBN atau APBD.'),
      ('DANA_DESA', false,
       'Asumsi belum dikonfirmasi: diperlakukan sebagai anggaran pemerintah (seperti APBD), sehingga potongan PP 50/2025 tidak diterapkan.',
       false,
       'Asumsi belum dikonfirmasi: Dana Desa berasal dari APBN yang ditransfer ke desa, sehingga diperlakukan seperti APBN dan potongan PP 50/2025 tidak diterapkan. Ubah bila BPJS Ketenagakerjaan menegaskan sebaliknya.'),
      ('APBDES_ADD', false,
       'Asumsi belum dikonfirmasi: diperlakukan sebagai anggaran pemerintah (seperti APBD), sehingga potongan PP 50/2025 tidak diterapkan.',
       false,
       'Asumsi belum dikonfirmasi: Alokasi Dana Desa berasal dari APBD kabupaten/kota yang disalurkan ke desa, sehingga diperlakukan seperti APBD dan potongan PP 50/2025 tidak diterapkan. Ubah bila BPJS Ketenagakerjaan menegaskan sebaliknya.')
),
before as (
    select f.code, f.name, f.discount_applies, f.discount_assumption, s.new_applies, s.new_assumption
      from programs.funding_source f
      join seeded s on s.code = f.code
                   and s.discount_applies = f.discount_applies
                   and s.discount_assumption = f.discount_assumption
       for update of f
),
changed as (
    update programs.funding_source f
       set discount_applies = b.new_applies,
           discount_assumption = b.new_assumption
      from before b
     where f.code = b.code
    returning f.code, f.name, f.discount_applies, f.discount_assumption
)
insert into access.audit_log (actor_kind, actor_name, action, entity, entity_id, before, after)
select 'system', 'migration 0019', 'update', 'funding_source', c.code,
       jsonb_build_object('code', b.code, 'name', b.name, 'discountApplies', b.discount_applies, 'discountAssumption', b.discount_assumption),
       jsonb_build_object('code', c.code, 'name', c.name, 'discountApplies', c.discount_applies, 'discountAssumption', c.discount_assumption)
  from changed c
  join before b on b.code = c.code;
