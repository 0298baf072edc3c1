-- Settling a self-paid refund (a worker's own contribution for a month after the death month, owed back to the payer):
-- the day the money went back, the transfer's reference, and who recorded it. Recorded once; owed rows carry none.
alter table billing.self_paid_refund
    add column refunded_on date,
    add column refund_reference text check (length(btrim(refund_reference)) between 3 and 100),
    add column refunded_by text,
    add constraint self_paid_refund_settled check (
        (status = 'refunded') = (refunded_on is not null and refund_reference is not null and refunded_by is not null)),
    add constraint self_paid_refund_after_payment check (refunded_on is null or refunded_on >= paid_on);
