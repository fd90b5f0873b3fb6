/* Intentionally empty: this module only carries ICU's link flags (pkg-config icu-i18n).
   ICU's headers are included by the CICU shim alone, so Swift never sees ICU types. */
