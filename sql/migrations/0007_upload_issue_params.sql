-- The values an issue's message is made of (the limit, the other row, today's date, the set name, …),
-- so that the message can be shown in Vietnamese or English from the code and these parameters
-- (server/uploads/upload-messages.ts). `message` stays the English text, for the audit and old clients.
-- Rows saved before this migration keep params null: they are shown with their stored message.
alter table upload_issues add column params jsonb;
