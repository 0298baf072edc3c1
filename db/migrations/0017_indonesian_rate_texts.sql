-- The rate tables' seeded descriptions in Bahasa Indonesia, the language of the people who read them on /admin/tarif
-- and in budget estimates (0007 seeded them in English). Only the seeded rows are touched, matched by their keys
-- (rate and limit versions, funding-source codes) AND by the seeded text itself: a text an administrator has since
-- changed (an assumption set through PUT /api/v1/rates/funding-sources/{code}, a note of a later version) stays as
-- it is, and running this again changes nothing. Regulations keep their official names.

update programs.contribution_rate
   set note = 'Iuran JKK peserta BPU (bukan penerima upah): 1% dari dasar upah bulanan yang dipilih (Rp10.000 pada dasar upah terendah).'
 where version = 'JKK@2015-07'
   and note = 'BPU work-accident contribution: 1% of the chosen monthly income basis (Rp10,000 on the minimum basis).';

update programs.contribution_rate
   set note = 'Iuran JKM peserta BPU: Rp6.800 per bulan, berapa pun dasar upahnya.'
 where version = 'JKM@2015-07'
   and note = 'BPU death contribution: Rp6,800 per month whatever the income basis.';

update programs.contribution_rate
   set note = 'Pilihan bagi peserta BPU: tabungan hari tua, 2% dari dasar upah.'
 where version = 'JHT@2015-07'
   and note = 'Optional for BPU: old-age savings, 2% of the income basis.';

update programs.contribution_rate
   set regulation = replace(regulation, ' as amended', ' beserta perubahannya')
 where version in ('JKK@2015-07', 'JKM@2015-07', 'JHT@2015-07')
   and regulation in ('PP 44/2015 as amended', 'PP 46/2015 as amended');

update programs.income_basis_limit
   set regulation = 'PP 44/2015 beserta perubahannya (tabel dasar upah BPU)'
 where version = 'BASIS@2015-07'
   and regulation = 'PP 44/2015 as amended (BPU income table)';

update programs.funding_source
   set name = 'CSR perusahaan (tanggung jawab sosial)'
 where code = 'CSR' and name = 'Corporate social responsibility';

update programs.funding_source
   set discount_assumption = 'Asumsi belum dikonfirmasi: diperlakukan sebagai anggaran pemerintah (seperti APBD), sehingga potongan PP 50/2025 tidak diterapkan.'
 where code in ('APBDES_ADD', 'DANA_DESA')
   and discount_assumption = 'Unconfirmed assumption: treated as public budget (like APBD), so PP 50/2025 discounts are not applied.';

update programs.funding_source
   set discount_assumption = 'Asumsi belum dikonfirmasi: potongan tidak diterapkan sampai BPJS menegaskan bahwa iuran yang didanai CSR berhak atasnya.'
 where code = 'CSR'
   and discount_assumption = 'Unconfirmed assumption: discounts not applied until BPJS confirms CSR-funded contributions qualify.';

update programs.funding_source
   set discount_assumption = 'Asumsi belum dikonfirmasi: potongan tidak diterapkan sampai dipastikan bahwa sumber dana berada di luar APBN/APBD.'
 where code = 'OTHER'
   and discount_assumption = 'Unconfirmed assumption: discounts not applied until the source is confirmed to be outside APBN/APBD.';
