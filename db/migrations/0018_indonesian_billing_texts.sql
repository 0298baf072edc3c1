-- The seeded protection rule's legal basis and note in Bahasa Indonesia, like every other text an operator reads
-- (issue 11; the pages give the English from BillingText.en.resx). Only the seeded row, and only while it still holds
-- the seeded English text, so words an administrator wrote stay as written. The setting descriptions of 0012 and
-- 0014 are Indonesian already.
update billing.protection_rule
   set regulation = 'PP 44/2015 beserta perubahannya; Permenaker 5/2021'
 where version = 'PROTECTION@2015-07'
   and regulation = 'PP 44/2015 as amended; Permenaker 5/2021';

update billing.protection_rule
   set note = 'Jatuh tempo tanggal 15 bulan iuran; kepesertaan nonaktif setelah 3 bulan berturut-turut tidak dibayar. '
              'Bulan yang belum dibayar di dalam jendela 3 bulan itu dihitung tidak terlindungi (pengaturan, belum dipastikan).'
 where version = 'PROTECTION@2015-07'
   and note = 'Due by the 15th of the contribution month; membership inactive after 3 consecutive unpaid months. '
              'Unpaid months inside the 3-month window count as not protected (setting, unconfirmed).';
