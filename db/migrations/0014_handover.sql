-- Hand-over to self-paid contributions: the outbox's delivery facts and retry settings, and the settings of the
-- hand-over messages and reminders (house settings an administrator may change, not regulated numbers).
alter table billing.notification
    -- The contribution month a message is about: the first self-paid month (hand-over) or the unpaid month (reminder).
    add column month         date check (extract(day from month) = 1),
    add column delivered_at  timestamptz;

-- Queued messages and failed ones waiting for another attempt, oldest first, for the dispatcher.
create index notification_retry_idx on billing.notification (updated_at) where status = 'failed';
create index notification_worker_idx on billing.notification (worker_id, created_at);

insert into billing.setting (key, value, description) values
    ('notification_channel', 'sms', 'Saluran pesan kepada peserta: sms atau whatsapp.'),
    ('notification_max_attempts', '5', 'Berapa kali pengiriman pesan dicoba sebelum dibiarkan gagal.'),
    ('notification_retry_minutes', '15', 'Berapa menit setelah gagal pengiriman pesan dicoba lagi.');
