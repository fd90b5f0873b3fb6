#include "onoma_icu.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

const char *onoma_icu_error_name(int32_t status) {
    const char *name = u_errorName((UErrorCode)status);
    return name ? name : "U_UNKNOWN_ERROR";
}

void onoma_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    if (capacity <= 0) return;
    strncpy(buffer, text, (size_t)capacity - 1);
    buffer[capacity - 1] = '\0';
}

onoma_translit *onoma_translit_open(const uint16_t *id, int32_t id_length,
                                    const uint16_t *rules, int32_t rules_length,
                                    int32_t reverse, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UParseError parse_error;
    UTransliterator *t = utrans_openU((const UChar *)id, id_length,
                                      reverse ? UTRANS_REVERSE : UTRANS_FORWARD,
                                      (const UChar *)rules, rules ? rules_length : 0,
                                      &parse_error, &code);
    *status = (int32_t)code;
    return (onoma_translit *)t;
}

void onoma_translit_close(onoma_translit *translit) {
    if (translit) utrans_close((UTransliterator *)translit);
}

int32_t onoma_translit_transform(const onoma_translit *translit, uint16_t *text, int32_t length,
                                 int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t text_length = length;
    int32_t limit = length;
    utrans_transUChars((const UTransliterator *)translit, (UChar *)text, &text_length, capacity,
                       0, &limit, &code);
    *status = (int32_t)code;
    return text_length;
}

static const UNormalizer2 *instance_for(int32_t form, UErrorCode *code) {
    switch (form) {
    case 0: return unorm2_getNFCInstance(code);
    case 1: return unorm2_getNFDInstance(code);
    case 2: return unorm2_getNFKCInstance(code);
    case 3: return unorm2_getNFKDInstance(code);
    case 4: return unorm2_getNFKCCasefoldInstance(code);
    default: *code = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
}

int32_t onoma_normalize(int32_t form, const uint16_t *source, int32_t length,
                        uint16_t *destination, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *n = instance_for(form, &code);
    int32_t result = 0;
    if (U_SUCCESS(code))
        result = unorm2_normalize(n, (const UChar *)source, length, (UChar *)destination, capacity, &code);
    *status = (int32_t)code;
    return result;
}

int32_t onoma_is_normalized(int32_t form, const uint16_t *source, int32_t length, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    const UNormalizer2 *n = instance_for(form, &code);
    UBool result = 0;
    if (U_SUCCESS(code)) result = unorm2_isNormalized(n, (const UChar *)source, length, &code);
    *status = (int32_t)code;
    return result ? 1 : 0;
}

int32_t onoma_fold_case(const uint16_t *source, int32_t length, uint16_t *destination,
                        int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t result = u_strFoldCase((UChar *)destination, capacity, (const UChar *)source, length,
                                   U_FOLD_CASE_DEFAULT, &code);
    *status = (int32_t)code;
    return result;
}

int32_t onoma_script_of(uint32_t code_point, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript((UChar32)code_point, &code);
    *status = (int32_t)code;
    return (int32_t)script;
}

void onoma_script_short_name(int32_t script, char *buffer, int32_t capacity) {
    const char *name = uscript_getShortName((UScriptCode)script);
    if (capacity <= 0) return;
    strncpy(buffer, name ? name : "Zzzz", (size_t)capacity - 1);
    buffer[capacity - 1] = '\0';
}

onoma_spoof *onoma_spoof_open(int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    USpoofChecker *checker = uspoof_open(&code);
    if (U_SUCCESS(code)) {
        /* Mixed scripts within one name and look-alike letters are what a glossary editor
           needs to hear about; the restriction level catches "Kоh" (Cyrillic о). */
        uspoof_setChecks(checker, USPOOF_RESTRICTION_LEVEL | USPOOF_INVISIBLE | USPOOF_MIXED_NUMBERS, &code);
        uspoof_setRestrictionLevel(checker, USPOOF_HIGHLY_RESTRICTIVE);
    }
    *status = (int32_t)code;
    return (onoma_spoof *)checker;
}

void onoma_spoof_close(onoma_spoof *spoof) {
    if (spoof) uspoof_close((USpoofChecker *)spoof);
}

int32_t onoma_spoof_check(const onoma_spoof *spoof, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t result = uspoof_check2((const USpoofChecker *)spoof, (const UChar *)text, length, NULL, &code);
    *status = (int32_t)code;
    return result;
}

int32_t onoma_spoof_skeleton(const onoma_spoof *spoof, const uint16_t *text, int32_t length,
                             uint16_t *destination, int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t result = uspoof_getSkeleton((const USpoofChecker *)spoof, 0, (const UChar *)text, length,
                                        (UChar *)destination, capacity, &code);
    *status = (int32_t)code;
    return result;
}
