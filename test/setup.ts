// Deterministic dates and Intl for every test: Swedish time zone, fixed.
process.env.TZ = "Europe/Stockholm";
process.env.LANG = "sv_SE.UTF-8";
