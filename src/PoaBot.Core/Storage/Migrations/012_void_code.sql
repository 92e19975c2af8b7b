-- Why a record was voided, as a code the program matches on (the reason stays as the human text shown):
-- 'reimport' when a re-import replaced a baseline. Older files said so only in the reason's text.
ALTER TABLE record ADD COLUMN void_code TEXT NULL;
UPDATE record SET void_code = 'reimport'
WHERE kind = 'baseline' AND voided_at IS NOT NULL AND void_reason = 'Reimportación: se reemplaza la línea base';
