-- The language a server's digest is written in (en, zh-CN, zh-TW).
ALTER TABLE guild_digest ADD COLUMN language TEXT NOT NULL DEFAULT 'en'
