-- Bills list each participant's contribution per component (JKK, JKM, JHT) with its rate version, so the months a
-- programme funds keep the split they were committed with. Rows written before this migration keep null parts.
alter table programs.funded_month
    add column jkk_amount bigint check (jkk_amount >= 0),
    add column jkm_amount bigint check (jkm_amount >= 0),
    add column jht_amount bigint check (jht_amount >= 0),
    add constraint funded_month_components_sum check (
        jkk_amount is null or amount = jkk_amount + coalesce(jkm_amount, 0) + coalesce(jht_amount, 0));
