#ifndef ONOMA_ICU_H
#define ONOMA_ICU_H
/*
 * The only door from Swift to ICU. Every type here is plain C (opaque handles, int32_t status
 * codes, uint16_t UTF-16 buffers) so that no ICU header reaches a Swift module: Foundation on
 * Linux carries its own ICU and the two clash ("'UErrorCode' has different definitions").
 * Status codes are ICU's UErrorCode values; 0 is success, > 0 an error, < 0 a warning.
 */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** UErrorCode value for "the destination buffer is too small". */
#define ONOMA_ICU_BUFFER_OVERFLOW 15

/** ICU's name of a status code ("U_ILLEGAL_ARGUMENT_ERROR"). Never NULL. */
const char *onoma_icu_error_name(int32_t status);

/** ICU's version, "72.1". */
void onoma_icu_version(char *buffer, int32_t capacity);

/* ---- Transliterators (utrans) ---- */
typedef struct onoma_translit onoma_translit;

/** Opens a system transliterator by id ("Hangul-Latin"), or one built from rules when rules != NULL. */
onoma_translit *onoma_translit_open(const uint16_t *id, int32_t id_length,
                                    const uint16_t *rules, int32_t rules_length,
                                    int32_t reverse, int32_t *status);
void onoma_translit_close(onoma_translit *translit);
/** Transforms text in place. Returns the needed length; when it exceeds capacity the status is
    ONOMA_ICU_BUFFER_OVERFLOW and the buffer content is unspecified. */
int32_t onoma_translit_transform(const onoma_translit *translit, uint16_t *text, int32_t length,
                                 int32_t capacity, int32_t *status);

/* ---- Normalization (unorm2) ---- */
/** Forms: 0 NFC, 1 NFD, 2 NFKC, 3 NFKD, 4 NFKC_Casefold. */
int32_t onoma_normalize(int32_t form, const uint16_t *source, int32_t length,
                        uint16_t *destination, int32_t capacity, int32_t *status);
/** 1 when the text is already in the form, 0 when not. */
int32_t onoma_is_normalized(int32_t form, const uint16_t *source, int32_t length, int32_t *status);

/* ---- Case folding ---- */
int32_t onoma_fold_case(const uint16_t *source, int32_t length, uint16_t *destination,
                        int32_t capacity, int32_t *status);

/* ---- Scripts (uscript) ---- */
/** The Script property of a code point as ICU's UScriptCode number (e.g. 17 HANGUL, 25 LATIN). */
int32_t onoma_script_of(uint32_t code_point, int32_t *status);
/** Writes the short script name ("Hang", "Latn") of a UScriptCode into buffer. */
void onoma_script_short_name(int32_t script, char *buffer, int32_t capacity);

/* ---- Spoof checking (uspoof) ---- */
typedef struct onoma_spoof onoma_spoof;
onoma_spoof *onoma_spoof_open(int32_t *status);
void onoma_spoof_close(onoma_spoof *spoof);
/** Returns ICU's USpoofChecks bit set for the text (0 = nothing suspicious). */
int32_t onoma_spoof_check(const onoma_spoof *spoof, const uint16_t *text, int32_t length, int32_t *status);
/** Writes the confusable skeleton of text; returns the needed length. */
int32_t onoma_spoof_skeleton(const onoma_spoof *spoof, const uint16_t *text, int32_t length,
                             uint16_t *destination, int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif
#endif
